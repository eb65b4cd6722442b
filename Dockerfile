# The newsflow services image: one image, the command chosen by argument (ingest --from-topic, enrich, sink,
# topics --create, tail ...), built from the same jars as ./newsflow. Configured only through NEWSFLOW_* environment
# variables (the settings keys, e.g. NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS). Why a Dockerfile and not Jib:
# docs/adr/0018-running-the-way-the-kafka-ecosystem-does.md
#
#   docker build -t newsflow:0.1.0-SNAPSHOT .
#   docker run --rm -e NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS=... -e NEWSFLOW_SCHEMA_REGISTRY_URL=... newsflow:0.1.0-SNAPSHOT enrich

FROM eclipse-temurin:17.0.16_8-jdk-noble AS build
WORKDIR /src
COPY . .
# the distribution the ./newsflow script runs: app/target/newsflow-app-*.jar and app/target/newsflow/lib/
RUN ./mvnw -B -q -DskipTests package -pl app -am \
 && mkdir -p /out/lib \
 && cp app/target/newsflow-app-*.jar /out/newsflow-app.jar \
 && cp app/target/newsflow/lib/*.jar /out/lib/

FROM eclipse-temurin:17.0.16_8-jre-noble
# a fixed non-root user; the state folder belongs to it so a named volume mounted there does too
RUN groupadd --system --gid 10001 newsflow \
 && useradd --system --uid 10001 --gid newsflow --home-dir /var/lib/newsflow --shell /usr/sbin/nologin newsflow \
 && mkdir -p /var/lib/newsflow/streams \
 && chown -R newsflow:newsflow /var/lib/newsflow
COPY --from=build /out/ /opt/newsflow/
USER 10001:10001
WORKDIR /var/lib/newsflow
ENV NEWSFLOW_MONITOR_HOST=0.0.0.0 \
    NEWSFLOW_MONITOR_PORT=9400 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC"
EXPOSE 9400
# readiness of the service in this container: its /health/ready on the monitor port (the probe is plain Java, so
# the image needs no curl)
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 \
  CMD ["java", "-cp", "/opt/newsflow/newsflow-app.jar:/opt/newsflow/lib/*", "io.newsflow.app.monitor.HealthProbe"]
ENTRYPOINT ["java", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.newsflow", "-Dnewsflow.home=/var/lib/newsflow", \
  "-Dnewsflow.project.dir=/var/lib/newsflow", "-cp", "/opt/newsflow/newsflow-app.jar:/opt/newsflow/lib/*", \
  "io.newsflow.app.Newsflow"]
CMD ["help"]
