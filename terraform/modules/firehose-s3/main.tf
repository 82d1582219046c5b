data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  partition  = data.aws_partition.current.partition
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name

  kms_key_arn = var.create_kms_key ? module.kms_key.key_arn : var.kms_key_arn
  use_cmk     = var.create_kms_key || var.kms_key_arn != null

  msk_source = var.msk_source != null
  dp         = var.dynamic_partitioning

  processors = concat(
    local.dp.enabled && local.dp.deaggregate ? [{
      type = "RecordDeAggregation"
      parameters = merge(
        { SubRecordType = local.dp.sub_record_type },
        local.dp.sub_record_type == "DELIMITED" ? { Delimiter = base64encode(local.dp.delimiter) } : {},
      )
    }] : [],
    local.dp.enabled ? [{
      type       = "MetadataExtraction"
      parameters = { MetadataExtractionQuery = local.dp.jq_query, JsonParsingEngine = "JQ-1.6" }
    }] : [],
    local.dp.enabled && local.dp.append_delimiter ? [{
      type       = "AppendDelimiterToRecord"
      parameters = {}
    }] : [],
  )
}

################################################################################
# KMS
################################################################################

# Used through S3 (Firehose's role, the forwarder's dead letters, the Lambda on-failure destination, Flink, readers)
# and through Firehose (server-side encryption of the stream, by a grant Firehose creates).
module "kms_key" {
  source = "../kms-key"

  create                  = var.create && var.create_kms_key
  description             = "${var.name}: S3 output and Firehose encryption"
  alias_name              = "${var.name}-firehose-s3"
  deletion_window_in_days = var.kms_deletion_window_in_days
  via_services            = ["s3", "firehose"]
  tags                    = var.tags
}

################################################################################
# Glue database (shared with the Studio notebook / Flink application)
################################################################################

resource "aws_glue_catalog_database" "this" {
  count = var.create && var.glue_database_name != null ? 1 : 0

  name         = var.glue_database_name
  description  = "${var.name}: tables over the Firehose output bucket"
  location_uri = "s3://${module.output_bucket.bucket_name}/"
  tags         = var.tags
}
