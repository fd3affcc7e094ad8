// Stand-in for the 'server-only' guard package inside Vitest (see vitest.config.ts).
export {};
