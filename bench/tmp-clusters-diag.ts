import { scaleSim, stopFleetSim } from './fleet-bench';
import { get, sleep, startProdServer } from './prod-server';
const s = await scaleSim();
const server = await startProdServer({ buildDir: '.', port: 3497, kubeconfig: s.kubeconfig });
await sleep(12000);
for (let i = 0; i < 2; i++) {
  const t0 = performance.now();
  const r = await get(`${server.base}/api/clusters`, { headers: { accept: 'application/json' } });
  console.log('status', r.status, 'ms', (performance.now() - t0).toFixed(0), r.headers['content-type']);
  console.log(r.body.toString('utf8').slice(0, 3000));
}
await server.stop(); await stopFleetSim();
