# DramaGuard worker (also runs the migrations). Build from the repository root:
#   docker build -f docker/worker.Dockerfile -t dramaguard-worker .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json nest-cli.json ./
COPY apps apps
COPY libs libs
RUN npx nest build worker && npm prune --omit=dev

FROM node:20-bookworm-slim
RUN apt-get update -q && apt-get install -y -q --no-install-recommends ffmpeg fonts-wqy-zenhei && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production MEDIA_DIR=/data/media
# Blocks of 4 MiB or more mapped apart, so that they go back to the system when freed, up to 8 MiB kept free at a
# heap's top for the next clip, one malloc arena for every thread, and huge pages asked for where glibc maps memory
# (scripts/worker-runtime.json; docs/BENCHMARK.md sections 15, 16, 24 and 25).
ENV MALLOC_MMAP_THRESHOLD_=4194304 MALLOC_TRIM_THRESHOLD_=8388608 MALLOC_ARENA_MAX=1 GLIBC_TUNABLES=glibc.malloc.hugetlb=1
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist/apps/worker dist/apps/worker
RUN mkdir -p /data/media && chown node:node /data/media
USER node
# A small young generation: V8's default keeps 27 MB more resident in an idle worker, about 60 MB more in a loaded shard (docs/BENCHMARK.md section 12).
CMD ["node", "--max-semi-space-size=1", "dist/apps/worker/apps/worker/src/main.js"]
