# DramaGuard api. Build from the repository root:
#   docker build -f docker/api.Dockerfile -t dramaguard-api .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json nest-cli.json ./
COPY apps apps
COPY libs libs
RUN npx nest build api && npm run build:console && npm prune --omit=dev

FROM node:20-bookworm-slim
# fonts-wqy-zenhei: evidence images and PDF reports whose titles may be Chinese.
RUN apt-get update -q && apt-get install -y -q --no-install-recommends ffmpeg fonts-wqy-zenhei && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production MEDIA_DIR=/data/media PORT=3000
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist/apps/api dist/apps/api
COPY --from=build /app/dist/console dist/console
EXPOSE 3000
RUN mkdir -p /data/media && chown node:node /data/media
USER node
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
