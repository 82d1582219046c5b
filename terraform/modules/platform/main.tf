# Composition of the whole streaming platform: every environment root calls this module once with its sizing.
# Tags are applied once, by the provider's default_tags (the tags output), not again per module.
# Patterns of the original solution: 1 = network + msk + kafka_client + topics + dashboard, 2 = logger,
# 3 = forwarder + firehose_s3, 4 = studio_notebook + flink_application (the same SQL files).

locals {
  name = "${var.project}-${var.environment}"
  tags = merge(var.tags, { Project = var.project, Environment = var.environment, ManagedBy = "terraform" })

  logger_package_path    = coalesce(var.functions.logger_package_path, "${path.module}/../../../consumer-logger/target/function.zip")
  forwarder_package_path = coalesce(var.functions.forwarder_package_path, "${path.module}/../../../firehose-forwarder/target/function.zip")

  existing_vpc = var.network.existing_vpc

  # Failure handling shared by both mappings (the forwarder adds its strategy).
  fh          = var.failure_handling
  provisioned = local.fh.provisioned_pollers == null ? null : { minimum_pollers = local.fh.provisioned_pollers.minimum, maximum_pollers = local.fh.provisioned_pollers.maximum }
  on_failure = {
    arn = (local.fh.on_failure_destination == "none" ? null
    : local.fh.on_failure_destination == "output-bucket" ? module.firehose_s3.bucket_arn : local.fh.on_failure_destination)
    kms_key_arn = local.fh.on_failure_destination == "output-bucket" ? module.firehose_s3.kms_key_arn : local.fh.on_failure_destination_kms_key_arn
  }
  s3_on_failure = local.fh.on_failure_destination == "output-bucket" || can(regex("^arn:aws[a-z-]*:s3:", local.fh.on_failure_destination))

  # Every log group of the deployment, by name (the key must exist before them, so no references to them).
  log_groups = [
    "/aws/msk/${local.name}/*",
    "/aws/vpc/${local.name}/*",
    "/aws/kinesisfirehose/${local.name}",
    "/aws/lambda/${local.name}-*",
    "/aws/kinesis-analytics/${local.name}-*",
  ]
  log_kms_key_arn = module.logs_key.key_arn
}

################################################################################
# Keys for every log group (the other keys live in the modules that use them)
################################################################################

module "logs_key" {
  source = "../kms-key"

  create                     = var.use_customer_managed_keys
  description                = "${local.name}: every CloudWatch Logs log group of the deployment"
  alias_name                 = "${local.name}-logs"
  cloudwatch_logs_log_groups = local.log_groups
}

################################################################################
# Network and cluster (pattern 1)
################################################################################

module "network" {
  source = "../network"

  name             = local.name
  cidr_block       = coalesce(var.network.vpc_cidr, "10.0.0.0/16")
  az_count         = local.existing_vpc != null ? length(local.existing_vpc.private_subnet_ids) : var.network.az_count
  nat_gateway_mode = var.network.nat_gateway_mode
  vpc_endpoints    = var.network.vpc_endpoints
  existing_vpc = local.existing_vpc == null ? null : {
    vpc_id                  = local.existing_vpc.vpc_id
    private_subnet_ids      = local.existing_vpc.private_subnet_ids
    private_route_table_ids = local.existing_vpc.private_route_table_ids
  }
  # Lambda requires an endpoint for an S3 on-failure destination in the cluster's VPC (free for S3).
  s3_gateway_endpoint   = local.s3_on_failure && !try(local.existing_vpc.s3_gateway_endpoint_exists, false)
  flow_logs_kms_key_arn = local.log_kms_key_arn
}

module "msk" {
  source = "../msk-cluster"

  name                         = local.name
  kafka_version                = var.cluster.kafka_version
  number_of_broker_nodes       = var.cluster.broker_count
  broker_instance_type         = var.cluster.broker_instance_type
  ebs_volume_size              = var.cluster.broker_volume_size
  storage_autoscaling          = var.cluster.storage_autoscaling
  enhanced_monitoring          = var.cluster.enhanced_monitoring
  client_authentication        = var.cluster.client_authentication
  create_kms_key               = var.use_customer_managed_keys
  broker_log_retention_in_days = var.log_retention_in_days
  broker_log_kms_key_arn       = local.log_kms_key_arn
  vpc_id                       = module.network.vpc_id
  subnet_ids                   = module.network.private_subnet_ids
  client_security_group_ids    = { kafka_client = module.kafka_client.security_group_id }
}

module "kafka_client" {
  source = "../kafka-client"

  name                      = "${local.name}-client"
  instance_type             = var.cluster.client_instance_type
  vpc_id                    = module.network.vpc_id
  subnet_id                 = module.network.private_subnet_ids[0]
  cluster_arn               = module.msk.cluster_arn
  cluster_security_group_id = module.msk.security_group_id
  kafka_version             = module.msk.kafka_version
  bootstrap_brokers = {
    tls        = module.msk.bootstrap_brokers_tls
    sasl_iam   = module.msk.bootstrap_brokers_sasl_iam
    sasl_scram = module.msk.bootstrap_brokers_sasl_scram
  }
}

# Topics as code: created on the client instance through SSM before the mappings below read them.
module "topics" {
  source = "../topics"

  name              = local.name
  topics            = var.topics
  broker_count      = var.cluster.broker_count
  instance_id       = module.kafka_client.instance_id
  bootstrap_servers = module.msk.bootstrap_brokers_sasl_iam
  command_config    = module.kafka_client.client_properties.iam
  kafka_home        = module.kafka_client.kafka_home
  ready_marker      = module.kafka_client.ready_marker
}

################################################################################
# Pattern 3 output: Firehose to S3 (also holds the forwarder's dead letters)
################################################################################

module "firehose_s3" {
  source = "../firehose-s3"

  name                  = local.name
  create_kms_key        = var.use_customer_managed_keys
  force_destroy         = var.firehose.force_destroy_buckets
  buffering_size        = var.firehose.buffering_size
  buffering_interval    = var.firehose.buffering_interval
  compression_format    = var.firehose.compression_format
  log_retention_in_days = var.log_retention_in_days
  log_kms_key_arn       = local.log_kms_key_arn
  glue_database_name    = replace(local.name, "-", "_")
  query                 = { enabled = var.firehose.query_enabled }
}

################################################################################
# Lambda consumers (patterns 2 and 3)
################################################################################

# The forwarder's own settings: its stream, strategy and dead letters, as environment, policy and mapping switch.
module "forwarder_settings" {
  source = "../forwarder-settings"

  delivery_stream_arn = module.firehose_s3.delivery_stream_arn
  failure_strategy    = local.fh.forwarder_strategy
  provisioned_mode    = local.provisioned != null
  dead_letter = {
    bucket_name = module.firehose_s3.bucket_name
    prefix      = "dead-letter/"
    kms_key_arn = module.firehose_s3.kms_key_arn
  }
  # The Athena table reads envelopes: topic, partition, offset, key and headers with every value.
  output_format = var.firehose.query_enabled ? "envelope" : null
}

locals {
  # Lambda gives a function one full vCPU at this memory setting, and CPU in proportion below it.
  full_vcpu_memory_size = 1769

  # What differs between the two functions; everything else in module.functions is the same for both.
  functions = {
    logger = {
      description                = "consumer-logger: one structured log line per MSK record"
      package_path               = local.logger_package_path
      topic                      = var.functions.logger_topic
      environment                = var.functions.logger_max_value_bytes != null ? { LOG_MAX_VALUE_BYTES = tostring(var.functions.logger_max_value_bytes) } : {}
      policy_documents           = []
      report_batch_item_failures = false
      # Its time is CPU (decoding and formatting), which C2 makes faster once an environment is warm, where C2's
      # compiling does not come out of a fraction of a vCPU (measured: the repository README, "Tiered compilation").
      tiered_stop_at_level = var.functions.runtime_mode != "jvm" ? 1 : coalesce(
        var.functions.logger_tiered_stop_at_level,
        var.functions.memory_size >= local.full_vcpu_memory_size ? 4 : 1,
      )
    }
    forwarder = {
      description                = "firehose-forwarder: MSK records to Firehose, dead letters to S3"
      package_path               = local.forwarder_package_path
      topic                      = var.functions.forwarder_topic
      environment                = module.forwarder_settings.environment_variables
      policy_documents           = [module.forwarder_settings.policy_json]
      report_batch_item_failures = module.forwarder_settings.report_batch_item_failures
      # C1 only: at 20 ms a call its pace is Firehose's, and its peak RSS has the least room for C2's memory.
      tiered_stop_at_level = 1
    }
  }
}

module "functions" {
  source   = "../msk-lambda"
  for_each = local.functions

  function_name         = "${local.name}-${each.key}"
  description           = each.value.description
  package_path          = each.value.package_path
  runtime_mode          = var.functions.runtime_mode
  architecture          = var.functions.architecture
  snap_start            = var.functions.snap_start
  tiered_stop_at_level  = each.value.tiered_stop_at_level
  memory_size           = var.functions.memory_size
  log_retention_in_days = var.log_retention_in_days
  log_kms_key_arn       = local.log_kms_key_arn
  environment_variables = each.value.environment
  policy_documents      = each.value.policy_documents
  vpc_config            = { vpc_id = module.network.vpc_id, subnet_ids = module.network.private_subnet_ids }

  cluster_arn       = module.msk.cluster_arn
  topic             = module.topics.topic_names[each.value.topic]
  batch_size        = var.functions.batch_size
  starting_position = var.functions.starting_position
  consumer_group_id = "${local.name}-${each.key}"

  provisioned_pollers                = local.provisioned
  report_batch_item_failures         = each.value.report_batch_item_failures
  maximum_retry_attempts             = local.fh.maximum_retry_attempts
  maximum_record_age_in_seconds      = local.fh.maximum_record_age_in_seconds
  bisect_batch_on_function_error     = local.fh.bisect_batch_on_function_error
  on_failure_destination_arn         = local.on_failure.arn
  on_failure_destination_kms_key_arn = local.on_failure.kms_key_arn
}

moved {
  from = module.logger
  to   = module.functions["logger"]
}

moved {
  from = module.forwarder
  to   = module.functions["forwarder"]
}

################################################################################
# Monitoring
################################################################################

module "dashboard" {
  source = "../dashboard"

  dashboard_name        = local.name
  cluster_name          = module.msk.cluster_name
  broker_count          = var.cluster.broker_count
  kraft                 = module.msk.kraft
  lambda_function_names = [module.functions["logger"].function_name, module.functions["forwarder"].function_name]
  delivery_stream_names = [module.firehose_s3.delivery_stream_name]
  alarm_emails          = var.alarm_emails
  create_sns_kms_key    = var.use_customer_managed_keys
}

################################################################################
# Studio notebook and Managed Flink application (pattern 4): the same SQL files
################################################################################

module "studio_notebook" {
  source = "../studio-notebook"

  create                = var.pattern_4.studio_notebook_enabled
  name                  = "${local.name}-studio"
  cluster_arn           = module.msk.cluster_arn
  access_control        = "iam"
  bootstrap_servers     = module.msk.bootstrap_brokers_sasl_iam
  topic                 = var.functions.forwarder_topic
  subnet_ids            = module.network.private_subnet_ids
  security_group_ids    = [module.msk.security_group_id]
  create_glue_database  = false
  glue_database_name    = module.firehose_s3.glue_database_name
  create_output_bucket  = false
  output_bucket_name    = module.firehose_s3.bucket_name
  kms_key_arn           = module.firehose_s3.kms_key_arn
  log_retention_in_days = var.log_retention_in_days
  log_kms_key_arn       = local.log_kms_key_arn
}

module "flink_application" {
  source = "../flink-application"

  create                = var.pattern_4.flink_application_enabled
  name                  = "${local.name}-flink-sql"
  code_bucket_name      = module.firehose_s3.bucket_name
  code_key              = "artifacts/flink-sql-application.jar"
  jar_path              = var.pattern_4.flink_application_jar_path
  parallelism           = var.pattern_4.flink_parallelism
  cluster_arn           = module.msk.cluster_arn
  access_control        = "iam"
  bootstrap_servers     = module.msk.bootstrap_brokers_sasl_iam
  topic                 = var.functions.forwarder_topic
  subnet_ids            = module.network.private_subnet_ids
  security_group_ids    = [module.msk.security_group_id]
  output_bucket_name    = module.firehose_s3.bucket_name
  kms_key_arn           = module.firehose_s3.kms_key_arn
  log_retention_in_days = var.log_retention_in_days
  log_kms_key_arn       = local.log_kms_key_arn
}

################################################################################
# Deletion protection: what prod cannot lose
################################################################################

# prevent_destroy cannot depend on a variable, so it sits on a guard that is created only when asked for and is
# replaced whenever one of the tracked ARNs changes. Terraform then refuses any plan that destroys or replaces
# the cluster, the output bucket or a key (terraform destroy included), and also a plan that drops the guard
# itself when deletion_protection is turned off: remove it with terraform state rm first (see the README).
locals {
  protected = {
    cluster       = module.msk.cluster_arn
    output_bucket = module.firehose_s3.bucket_arn
    msk_key       = module.msk.kms_key_arn
    data_key      = module.firehose_s3.kms_key_arn
    logs_key      = module.logs_key.key_arn
    alarms_key    = module.dashboard.sns_kms_key_arn
  }
}

resource "terraform_data" "deletion_protection" {
  count = var.deletion_protection ? 1 : 0

  input            = local.protected
  triggers_replace = local.protected

  lifecycle {
    prevent_destroy = true
  }
}

data "aws_region" "current" {}
