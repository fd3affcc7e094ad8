/**
 * Who is looking, as the root layout hands it to the header (server to server components; never the token).
 * Components render it; only the layout reads the session (lib/server/viewer.ts).
 */
export interface Viewer {
  /** shared mode before sign-in: nothing to navigate to or switch, and every data call would be a 401 */
  signedOut: boolean;
  /** shared mode, signed in: who the cluster said the token belongs to at sign-in */
  session?: { user: string; groups: string[] };
}
