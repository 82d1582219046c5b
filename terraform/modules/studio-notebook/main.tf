data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  create = var.create

  # Connector jars per Studio runtime, matching its Flink version: the Kafka connector whose Kafka client is not
  # relocated (flink-connector-kafka, as the Managed Flink Studio connector documentation lists it), because the
  # MSK IAM auth jar implements the plain org.apache.kafka callback interfaces; the SQL connector's relocated
  # client does not accept them (its callbacks fail with "Unsupported callback type").
  runtimes = {
    "ZEPPELIN-FLINK-2_0" = {
      flink_version = "1.13.2"
      artifacts = [
        { group_id = "org.apache.flink", artifact_id = "flink-connector-kafka_2.12", version = "1.13.2" },
        { group_id = "software.amazon.msk", artifact_id = "aws-msk-iam-auth", version = "1.1.6" },
      ]
    }
    "ZEPPELIN-FLINK-3_0" = {
      flink_version = "1.15.4"
      artifacts = [
        { group_id = "org.apache.flink", artifact_id = "flink-connector-kafka", version = "1.15.4" },
        { group_id = "software.amazon.msk", artifact_id = "aws-msk-iam-auth", version = "1.1.6" },
      ]
    }
  }
  studio_runtime = local.runtimes[var.runtime_environment]

  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
  account_id = data.aws_caller_identity.current.account_id

  application_name = var.name

  create_database    = local.create && var.create_glue_database
  glue_database_name = var.create_glue_database ? "${replace(var.name, "-", "_")}_studio" : var.glue_database_name
  glue_arn_prefix    = "arn:${local.partition}:glue:${local.region}:${local.account_id}"
  glue_database_arn  = "${local.glue_arn_prefix}:database/${local.glue_database_name}"

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
# Role, policy and logs: runtime.tf, the flink-runtime call shared with the Managed Flink application
################################################################################

locals {
  runtime = {
    kind                           = "studio"
    output_bucket_arn              = local.bucket_arn
    encryption_context_bucket_arns = []
    # The notebook's catalog: its database, its tables and functions, and the default database Zeppelin looks up.
    extra_statements = [{
      sid = "GlueCatalog"
      actions = [
        "glue:GetDatabase",
        "glue:GetDatabases",
        "glue:GetTable",
        "glue:GetTables",
        "glue:CreateTable",
        "glue:UpdateTable",
        "glue:DeleteTable",
        "glue:GetPartitions",
        "glue:GetUserDefinedFunction",
        "glue:GetUserDefinedFunctions",
      ]
      resources = [
        "${local.glue_arn_prefix}:catalog",
        local.glue_database_arn,
        "${local.glue_arn_prefix}:table/${local.glue_database_name}/*",
        "${local.glue_arn_prefix}:userDefinedFunction/${local.glue_database_name}/*",
        "${local.glue_arn_prefix}:database/hive",
      ]
    }]
  }
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
    ServiceExecutionRole   = coalesce(module.runtime.role_arn, "-")
    ApplicationConfiguration = {
      FlinkApplicationConfiguration = {
        ParallelismConfiguration = {
          ConfigurationType  = "CUSTOM"
          Parallelism        = var.parallelism
          ParallelismPerKPU  = module.runtime.settings.parallelism_per_kpu
          AutoScalingEnabled = false
        }
      }
      VpcConfigurations = [{
        SubnetIds        = module.runtime.settings.subnet_ids
        SecurityGroupIds = module.runtime.settings.security_group_ids
      }]
      ZeppelinApplicationConfiguration = {
        CatalogConfiguration = {
          GlueDataCatalogConfiguration = { DatabaseARN = local.glue_database_arn }
        }
        MonitoringConfiguration = { LogLevel = module.runtime.settings.log_level }
        CustomArtifactsConfiguration = [for a in local.studio_runtime.artifacts : {
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
            LogStreamARN = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${coalesce(module.runtime.log_group_name, "-")}:log-stream:${coalesce(module.runtime.log_stream_name, "-")}"
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
  depends_on = [module.runtime, aws_glue_catalog_database.this]
}
