import { redirect } from 'next/navigation';

// The node list is the home page.
export default function Home() {
  redirect('/nodes');
}
