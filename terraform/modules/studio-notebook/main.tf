data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  create = var.create

  # Connector jars per Studio runtime, matching its Flink version (Kafka SQL connector, MSK IAM auth).
  runtimes = {
    "ZEPPELIN-FLINK-2_0" = {
      flink_version = "1.13.2"
      artifacts = [
        { group_id = "org.apache.flink", artifact_id = "flink-sql-connector-kafka_2.12", version = "1.13.2" },
        { group_id = "software.amazon.msk", artifact_id = "aws-msk-iam-auth", version = "1.1.6" },
      ]
    }
    "ZEPPELIN-FLINK-3_0" = {
      flink_version = "1.15.4"
      artifacts = [
        { group_id = "org.apache.flink", artifact_id = "flink-sql-connector-kafka", version = "1.15.4" },
        { group_id = "software.amazon.msk", artifact_id = "aws-msk-iam-auth", version = "1.1.6" },
      ]
    }
  }
  runtime = local.runtimes[var.runtime_environment]

  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
  account_id = data.aws_caller_identity.current.account_id

  application_name = var.name

  create_database    = local.create && var.create_glue_database
  glue_database_name = var.create_glue_database ? "${replace(var.name, "-", "_")}_studio" : var.glue_database_name
  glue_database_arn  = "arn:${local.partition}:glue:${local.region}:${local.account_id}:database/${local.glue_database_name}"

  create_bucket = local.create && var.create_output_bucket
  bucket_name   = local.create_bucket ? module.bucket.bucket_name : var.output_bucket_name
  bucket_arn    = local.create_bucket ? module.bucket.bucket_arn : "arn:${local.partition}:s3:::${coalesce(var.output_bucket_name, "-")}"
  note_key      = "notes/${var.name}.zpln"
}

################################################################################
# Glue database: the notebook's catalog
################################################################################

resource "aws_glue_catalog_database" "this" {
  count = local.create_database ? 1 : 0

  name        = local.glue_database_name
  description = "${var.name}: catalog of the Managed Service for Apache Flink Studio notebook"
  tags        = var.tags
}

################################################################################
# Logs
################################################################################

resource "aws_cloudwatch_log_group" "this" {
  count = local.create ? 1 : 0

  name              = "/aws/kinesis-analytics/${var.name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.log_kms_key_arn
  tags              = var.tags
}

resource "aws_cloudwatch_log_stream" "this" {
  count = local.create ? 1 : 0

  name           = "zeppelin"
  log_group_name = aws_cloudwatch_log_group.this[0].name
}

################################################################################
# Studio notebook: a CloudFormation stack, because hashicorp/aws 5.100 has no
# zeppelin_application_configuration (catalog, custom artifacts); see README.
################################################################################

locals {
  application_properties = {
    ApplicationName        = local.application_name
    ApplicationDescription = "${var.name}: Studio notebook for the MSK stock ticks (pattern 4)"
    ApplicationMode        = "INTERACTIVE"
    RuntimeEnvironment     = var.runtime_environment
    ServiceExecutionRole   = try(aws_iam_role.this[0].arn, "")
    ApplicationConfiguration = {
      FlinkApplicationConfiguration = {
        ParallelismConfiguration = {
          ConfigurationType  = "CUSTOM"
          Parallelism        = var.parallelism
          ParallelismPerKPU  = var.parallelism_per_kpu
          AutoScalingEnabled = false
        }
      }
      VpcConfigurations = [{
        SubnetIds        = var.subnet_ids
        SecurityGroupIds = var.security_group_ids
      }]
      ZeppelinApplicationConfiguration = {
        CatalogConfiguration = {
          GlueDataCatalogConfiguration = { DatabaseARN = local.glue_database_arn }
        }
        MonitoringConfiguration = { LogLevel = var.log_level }
        CustomArtifactsConfiguration = [for a in local.runtime.artifacts : {
          ArtifactType   = "DEPENDENCY_JAR"
          MavenReference = { GroupId = a.group_id, ArtifactId = a.artifact_id, Version = a.version }
        }]
      }
    }
    Tags = [for k, v in var.tags : { Key = k, Value = v }]
  }

  template = {
    AWSTemplateFormatVersion = "2010-09-09"
    Description              = "${var.name}: Managed Service for Apache Flink Studio notebook (rendered by terraform/modules/studio-notebook)"
    Resources = {
      Notebook = {
        Type       = "AWS::KinesisAnalyticsV2::Application"
        Properties = local.application_properties
      }
      NotebookLogging = {
        Type = "AWS::KinesisAnalyticsV2::ApplicationCloudWatchLoggingOption"
        Properties = {
          ApplicationName = { Ref = "Notebook" }
          CloudWatchLoggingOption = {
            LogStreamARN = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${try(aws_cloudwatch_log_group.this[0].name, "")}:log-stream:${try(aws_cloudwatch_log_stream.this[0].name, "")}"
          }
        }
      }
    }
    Outputs = {
      ApplicationName = { Value = { Ref = "Notebook" } }
    }
  }
}

resource "aws_cloudformation_stack" "this" {
  count = local.create ? 1 : 0

  name          = "${var.name}-studio"
  template_body = jsonencode(local.template)
  on_failure    = "DELETE"
  tags          = var.tags

  # The role's policy must be in place before the notebook is created (CloudFormation validates access).
  depends_on = [aws_iam_role_policy.this, aws_glue_catalog_database.this]
}
