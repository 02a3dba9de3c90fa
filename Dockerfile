# syntax=docker/dockerfile:1
# EKS Network Planner: build with dev dependencies, run with production dependencies only, as a non-root user.
# The image expects DATABASE_URL (e.g. Amazon RDS for PostgreSQL); the embedded Postgres is left out of it.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
# postinstall generates the Prisma client offline (scripts/prisma-generate.mjs).
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build \
 && rm -f dist/.tsbuildinfo \
 && npm prune --omit=dev --omit=optional

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma ./prisma
# The `node` user (uid 1000) of the official image; the files stay root-owned and read-only for it.
USER 1000:1000
EXPOSE 3000
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
