# local/dotnet-sdk:10.0 — .NET SDK image made from the host's /usr/share/dotnet
# (no registry). Built by ../make-base-images.sh; the build context is a staging
# dir with dotnet/ (the SDK), extra-ca/ (CAs the host trusts beyond Debian's,
# e.g. a TLS-intercepting egress proxy in front of NuGet) and nuget/NuGet.Config.
ARG BASE_IMAGE=local/debian:bookworm
FROM ${BASE_IMAGE}
ARG SDK_VERSION=
# Host value of NUGET_CERT_REVOCATION_MODE ("offline" where CRL/OCSP servers are unreachable).
ARG NUGET_CERT_REVOCATION_MODE=
ENV DOTNET_ROOT=/usr/share/dotnet \
    PATH=/usr/share/dotnet:/root/.dotnet/tools:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
    DOTNET_GENERATE_ASPNET_CERTIFICATE=false \
    DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=true \
    DOTNET_CLI_USE_MSBUILD_SERVER=0 \
    NUGET_XMLDOC_MODE=skip \
    NUGET_CERT_REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE} \
    SDK_VERSION=${SDK_VERSION}
COPY extra-ca/ /usr/local/share/ca-certificates/
COPY nuget/NuGet.Config /root/.nuget/NuGet/NuGet.Config
COPY dotnet/ /usr/share/dotnet/
RUN ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet \
 && update-ca-certificates >/dev/null \
 && dotnet --version
WORKDIR /src
