# local/redis:7 — Debian bookworm's redis-server (7.0) on local/debian:bookworm,
# for when Docker Hub's redis:7 is unreachable. Built by ../make-base-images.sh
# with WITH_REDIS=1 (needs --network host to reach the Debian mirror).
ARG BASE_IMAGE=local/debian:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends redis-server \
 && rm -rf /var/lib/apt/lists/* /usr/share/doc/* /usr/share/man/* \
 && mkdir -p /data && chown redis:redis /data
WORKDIR /data
USER redis
EXPOSE 6379
CMD ["redis-server", "--bind", "0.0.0.0", "--protected-mode", "no", "--save", "", "--appendonly", "no"]
