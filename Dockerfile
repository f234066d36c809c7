# syntax=docker/dockerfile:1
# Production image: builds with the Maven wrapper (optimized frontend bundle), runs on a JRE as a
# non-root user. Use with an external MariaDB (see docker-compose.yml).

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -Pproduction dependency:go-offline || true
COPY db-changelog/ db-changelog/
COPY frontend/ frontend/
COPY src/ src/
RUN ./mvnw -B -ntp -Pproduction -DskipTests package \
    && cp target/scopekeeper-*.jar /scopekeeper.jar

FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 scopekeeper \
    && useradd --system --uid 10001 --gid scopekeeper --home-dir /app --shell /usr/sbin/nologin scopekeeper \
    && mkdir -p /app /data && chown scopekeeper:scopekeeper /app /data
WORKDIR /app
COPY --from=build --chown=scopekeeper:scopekeeper /scopekeeper.jar /app/scopekeeper.jar
USER scopekeeper
ENV SERVER_PORT=8080 \
    SCOPEKEEPER_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
VOLUME ["/data"]
ENTRYPOINT ["java", "-jar", "/app/scopekeeper.jar"]
