package io.streamingdata.msk.records;

/**
 * What an event source mapping with a schema registry says about a key or value: the registry's data format and the
 * schema's id. It is the only link from the bytes to their schema, so every output that describes a record keeps it.
 *
 * @param dataFormat for example {@code AVRO}, {@code PROTOBUF} or {@code JSON}; may be {@code null}
 * @param schemaId the registry's id of the schema (a number for Confluent, a UUID for Glue); may be {@code null}
 */
public record SchemaMetadata(String dataFormat, String schemaId) {}
