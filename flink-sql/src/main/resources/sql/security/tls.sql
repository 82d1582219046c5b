'properties.security.protocol' = 'SSL'
