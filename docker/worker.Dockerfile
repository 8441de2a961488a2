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
# glibc's allocator as scripts/worker-runtime.json sets it; why each variable: the README's "More workers" paragraph.
ENV MALLOC_MMAP_THRESHOLD_=4194304 MALLOC_TRIM_THRESHOLD_=8388608 MALLOC_ARENA_MAX=1 GLIBC_TUNABLES=glibc.malloc.hugetlb=1
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist/apps/worker dist/apps/worker
RUN mkdir -p /data/media && chown node:node /data/media
USER node
# The node flags of scripts/worker-runtime.json (the README's "More workers" paragraph says why).
CMD ["node", "--max-semi-space-size=1", "--single-threaded-gc", "--retain-maps-for-n-gc=1024", "dist/apps/worker/apps/worker/src/main.js"]
