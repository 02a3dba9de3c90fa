// The physical limit for the benchmark: a bare Fastify server answering one fixed JSON body (the same bytes the planner
// answers for the REST max-pods scenario), on the same machine, in the same run.
import Fastify from 'fastify';

const [port, bodyFile] = process.argv.slice(2);
const { readFileSync } = await import('node:fs');
const body = readFileSync(bodyFile, 'utf8');
const app = Fastify({ logger: false });
app.get('/*', (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
app.post('/*', (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write('ready\n');
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
