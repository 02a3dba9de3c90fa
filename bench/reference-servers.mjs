// Framework floors for the benchmark report: the same fixed JSON body served by a minimal NestJS 12 app on the Fastify
// adapter (no guards, pipes, hooks or logging), and by a minimal Apollo Server 5 on Fastify whose resolver returns it.
// They show how much of the gap to the bare Fastify handler the mandated stack itself costs.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import Fastify from 'fastify';

const [kind, port, bodyFile] = process.argv.slice(2);
const body = JSON.parse(readFileSync(bodyFile, 'utf8'));

if (kind === 'nest') {
  class FixedController {
    answer() {
      return body;
    }
  }
  Controller('fixed')(FixedController);
  Get()(FixedController.prototype, 'answer', Object.getOwnPropertyDescriptor(FixedController.prototype, 'answer'));
  class FixedModule {}
  Module({ controllers: [FixedController] })(FixedModule);
  const app = await NestFactory.create(FixedModule, new FastifyAdapter(), { logger: false });
  await app.listen(Number(port), '127.0.0.1');
} else {
  const typeDefs = `
    type Step { rule: String! value: Float! source: String! }
    type Warning { code: String! message: String! }
    type MaxPods { instanceType: String! maxPods: Int! ipLimitedPods: Int cap: Int capApplied: Boolean! branchEniPods: Int kubeReservedMemoryMiB: Int steps: [Step!]! warnings: [Warning!]! }
    input MaxPodsInput { instanceType: String! prefixDelegation: Boolean }
    type Query { maxPods(input: MaxPodsInput!): MaxPods! }`;
  const app = Fastify();
  const server = new ApolloServer({ typeDefs, resolvers: { Query: { maxPods: () => body } }, plugins: [fastifyApolloDrainPlugin(app)] });
  await server.start();
  app.route({ url: '/graphql', method: ['POST'], handler: fastifyApolloHandler(server) });
  await app.listen({ port: Number(port), host: '127.0.0.1' });
}
process.stdout.write('ready\n');
process.on('SIGTERM', () => process.exit(0));
