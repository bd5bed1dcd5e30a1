# Sample legacy backend (samples/LegacyBackend). Build from the repository root:
#
#   docker build --network host -f deploy/docker/LegacyBackend.Dockerfile \
#     --build-arg SDK_IMAGE=local/dotnet-sdk:10.0 \
#     --build-arg RUNTIME_IMAGE=local/dotnet-aspnet:10.0 -t legacy-backend .
#
# Listens on 5080 (ASPNETCORE_URLS; `--urls http://127.0.0.1:5080` overrides).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

# The backend references no project under src/, so src/ is not copied: a change
# to the gateway does not rebuild this image. (If it ever gets a ProjectReference
# to src/, add `COPY src/ src/` next to each `COPY samples/ samples/` below.)
FROM ${SDK_IMAGE} AS projects
WORKDIR /src
COPY samples/ samples/
RUN find samples -type f ! -name '*.csproj' ! -name '*.props' ! -name '*.targets' -delete \
 && find samples -depth -type d -empty -delete

FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props Directory.Build.target[s] NuGet.confi[g] nuget.confi[g] global.jso[n] ./
COPY --from=projects /src/ ./
RUN dotnet restore samples/LegacyBackend/LegacyBackend.csproj
COPY samples/ samples/
ARG CONFIGURATION=Release
RUN dotnet publish samples/LegacyBackend/LegacyBackend.csproj -c "$CONFIGURATION" -o /app --no-restore -p:UseAppHost=false

FROM ${RUNTIME_IMAGE} AS runtime
USER root
RUN set -eu; \
    if ! id -u app >/dev/null 2>&1; then \
      uid="${APP_UID:-10001}"; \
      if command -v useradd >/dev/null 2>&1; then \
        groupadd --system --gid "$uid" app; \
        useradd --system --uid "$uid" --gid app --home-dir /home/app --create-home --shell /usr/sbin/nologin app; \
      else \
        echo "app:x:$uid:$uid:app:/home/app:/sbin/nologin" >> /etc/passwd; \
        echo "app:x:$uid:" >> /etc/group; \
        mkdir -p /home/app && chown "$uid:$uid" /home/app; \
      fi; \
    fi
WORKDIR /app
COPY --from=build /app/ /app/
ENV ASPNETCORE_URLS=http://+:5080 \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_RUNNING_IN_CONTAINER=true
EXPOSE 5080
USER ${APP_UID:-10001}
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "LegacyBackend.dll"]
