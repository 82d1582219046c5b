# Unauthenticated access over TLS (port 9094). The JVM default truststore trusts the MSK certificates.
security.protocol=SSL
