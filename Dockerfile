# BalkanBot container image: the publish output on the ASP.NET Core runtime, as a non-root user.
#   docker build -t balkanbot .
#   docker run -p 8080:8080 -v balkanbot-data:/data -e MicrosoftAppId=... -e MicrosoftAppPassword=... balkanbot
# Secrets come from the environment (or the orchestrator's secret store), never from the image. See docs/deploy.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so a change to the code or the knowledge reuses the cached packages.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/BalkanBot/BalkanBot.csproj src/BalkanBot/
RUN dotnet restore src/BalkanBot/BalkanBot.csproj
COPY appsettings.json ./
COPY knowledge/ knowledge/
COPY src/ src/
RUN dotnet publish src/BalkanBot/BalkanBot.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app ./
# The app folder stays read-only (owned by root); the compiled knowledge base and the app database go to /data.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Data__Directory=/data
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
EXPOSE 8080
# APP_UID is the non-root 'app' user the .NET images define.
USER $APP_UID
# The runtime image has no curl: bash asks /readyz over a TCP socket. 200 = knowledge base open, app database writable.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${ASPNETCORE_HTTP_PORTS%%[,;]*} && printf "GET /readyz HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "'
ENTRYPOINT ["dotnet", "balkanbot.dll"]
