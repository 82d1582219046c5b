'properties.security.protocol' = 'PLAINTEXT'
