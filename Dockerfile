# syntax=docker/dockerfile:1
# Production image. Builds with the same command as everyone else (./mvnw package) and ships the -slim
# jar: the application without the embedded MariaDB (149 MB), because the image talks to an external
# MariaDB (SPRING_DATASOURCE_URL, see docker-compose.yml). Runs on a JRE as a non-root user, with a
# Java 25 AOT cache made by a training run at build time. DockerfileTest checks this file against the pom.

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline || true
COPY db-changelog/ db-changelog/
COPY frontend/ frontend/
COPY src/main/ src/main/
RUN ./mvnw -B -ntp -DskipTests package \
    && java -Djarmode=tools -jar target/slim/scopekeeper-*-slim.jar extract --destination /app \
    && mv /app/scopekeeper-*-slim.jar /app/scopekeeper.jar

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 scopekeeper \
    && useradd --system --uid 10001 --gid scopekeeper --home-dir /app --shell /usr/sbin/nologin scopekeeper \
    && mkdir -p /app /data && chown scopekeeper:scopekeeper /app /data && chmod 0700 /data
WORKDIR /app
COPY --from=build --chown=scopekeeper:scopekeeper /app/ /app/
USER scopekeeper
# Training run for the AOT cache: the context starts and stops at once (spring.context.exit=onRefresh),
# without a database (no migration, no JDBC metadata); it records the classes loaded and linked.
RUN java -XX:AOTCacheOutput=/app/scopekeeper.aot -Dspring.context.exit=onRefresh \
        -Dspring.datasource.url=jdbc:mariadb://127.0.0.1:1/training \
        -Dspring.datasource.hikari.initialization-fail-timeout=-1 \
        -Dspring.liquibase.enabled=false \
        -Dspring.jpa.database-platform=org.hibernate.dialect.MariaDBDialect \
        -Dspring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
        -Dspring.jpa.hibernate.ddl-auto=none \
        -Dscopekeeper.admin.username= \
        -jar /app/scopekeeper.jar
ENV SERVER_PORT=8080 \
    MANAGEMENT_SERVER_PORT=8081 \
    SCOPEKEEPER_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# 8080: the application. 8081: /actuator/health and /actuator/prometheus (publish it only to your monitoring).
EXPOSE 8080 8081
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8081/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:AOTCache=/app/scopekeeper.aot", "-jar", "/app/scopekeeper.jar"]
