# local/dotnet-aspnet:10.0 — ASP.NET Core runtime image made from the host's
# .NET install (no registry). Built by ../make-base-images.sh; the build context
# is a staging dir holding dotnet/{dotnet,host,shared/Microsoft.NETCore.App,shared/Microsoft.AspNetCore.App}.
ARG BASE_IMAGE=local/debian:bookworm
FROM ${BASE_IMAGE}
ARG ASPNET_VERSION=
ENV DOTNET_ROOT=/usr/share/dotnet \
    PATH=/usr/share/dotnet:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    ASPNET_VERSION=${ASPNET_VERSION} \
    APP_UID=10001
COPY dotnet/ /usr/share/dotnet/
# Like the official images: an unprivileged `app` user, uid in $APP_UID.
RUN ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet \
 && groupadd --system --gid "$APP_UID" app \
 && useradd --system --uid "$APP_UID" --gid app --home-dir /home/app --create-home --shell /usr/sbin/nologin app \
 && dotnet --list-runtimes
