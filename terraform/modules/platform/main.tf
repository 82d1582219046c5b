# Composition of the whole streaming platform: every environment root calls this module once with its sizing.
# Patterns of the original solution: 1 = network + msk + kafka_client + topics + dashboard, 2 = logger,
# 3 = forwarder + firehose_s3, 4 = studio_notebook + flink_application (the same SQL files).

locals {
  name = "${var.project}-${var.environment}"
  tags = merge(var.tags, { Project = var.project, Environment = var.environment, ManagedBy = "terraform" })

  logger_package_path    = coalesce(var.functions.logger_package_path, "${path.module}/../../../consumer-logger/target/function.zip")
  forwarder_package_path = coalesce(var.functions.forwarder_package_path, "${path.module}/../../../firehose-forwarder/target/function.zip")
}

################################################################################
# Network and cluster (pattern 1)
################################################################################

module "network" {
  source = "../network"

  name             = local.name
  cidr_block       = var.network.vpc_cidr
  az_count         = var.network.az_count
  nat_gateway_mode = var.network.nat_gateway_mode
  vpc_endpoints    = var.network.vpc_endpoints
  tags             = local.tags
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
  vpc_id                       = module.network.vpc_id
  subnet_ids                   = module.network.private_subnet_ids
  client_security_group_ids    = { kafka_client = module.kafka_client.security_group_id }
  tags                         = local.tags
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
  tags = local.tags
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
  tags              = local.tags
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
  glue_database_name    = replace(local.name, "-", "_")
  tags                  = local.tags
}

################################################################################
# Lambda consumers (patterns 2 and 3)
################################################################################

module "logger" {
  source = "../msk-lambda"

  function_name         = "${local.name}-logger"
  description           = "consumer-logger: one structured log line per MSK record"
  package_path          = local.logger_package_path
  runtime_mode          = var.functions.runtime_mode
  architecture          = var.functions.architecture
  snap_start            = var.functions.snap_start
  memory_size           = var.functions.memory_size
  log_retention_in_days = var.log_retention_in_days
  log_max_value_bytes   = var.functions.logger_max_value_bytes
  vpc_config            = { vpc_id = module.network.vpc_id, subnet_ids = module.network.private_subnet_ids }

  cluster_arn       = module.msk.cluster_arn
  topic             = module.topics.topic_names[var.functions.logger_topic]
  batch_size        = var.functions.batch_size
  starting_position = var.functions.starting_position
  consumer_group_id = "${local.name}-logger"
  tags              = local.tags
}

module "forwarder" {
  source = "../msk-lambda"

  function_name         = "${local.name}-forwarder"
  description           = "firehose-forwarder: MSK records to Firehose, dead letters to S3"
  package_path          = local.forwarder_package_path
  runtime_mode          = var.functions.runtime_mode
  architecture          = var.functions.architecture
  snap_start            = var.functions.snap_start
  memory_size           = var.functions.memory_size
  log_retention_in_days = var.log_retention_in_days
  vpc_config            = { vpc_id = module.network.vpc_id, subnet_ids = module.network.private_subnet_ids }

  delivery_stream_name = module.firehose_s3.delivery_stream_name
  delivery_stream_arn  = module.firehose_s3.delivery_stream_arn
  dead_letter = {
    bucket_name = module.firehose_s3.bucket_name
    prefix      = "dead-letter/"
    kms_key_arn = module.firehose_s3.kms_key_arn
  }

  cluster_arn       = module.msk.cluster_arn
  topic             = module.topics.topic_names[var.functions.forwarder_topic]
  batch_size        = var.functions.batch_size
  starting_position = var.functions.starting_position
  consumer_group_id = "${local.name}-forwarder"
  tags              = local.tags
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
  lambda_function_names = [module.logger.function_name, module.forwarder.function_name]
  delivery_stream_names = [module.firehose_s3.delivery_stream_name]
  alarm_emails          = var.alarm_emails
  tags                  = local.tags
}

################################################################################
# Studio notebook and Managed Flink application (pattern 4): the same SQL files
################################################################################

module "studio_notebook" {
  source = "../studio-notebook"

  create               = var.pattern_4.studio_notebook_enabled
  name                 = "${local.name}-studio"
  cluster_arn          = module.msk.cluster_arn
  access_control       = "iam"
  bootstrap_servers    = module.msk.bootstrap_brokers_sasl_iam
  topic                = var.functions.forwarder_topic
  subnet_ids           = module.network.private_subnet_ids
  security_group_ids   = [module.msk.security_group_id]
  create_glue_database = false
  glue_database_name   = module.firehose_s3.glue_database_name
  create_output_bucket = false
  output_bucket_name   = module.firehose_s3.bucket_name
  kms_key_arn          = module.firehose_s3.kms_key_arn
  log_retention_days   = var.log_retention_in_days
  tags                 = local.tags
}

module "flink_application" {
  source = "../flink-application"

  create             = var.pattern_4.flink_application_enabled
  name               = "${local.name}-flink-sql"
  code_bucket_name   = module.firehose_s3.bucket_name
  code_key           = "artifacts/flink-sql-application.jar"
  jar_path           = var.pattern_4.flink_application_jar_path
  parallelism        = var.pattern_4.flink_parallelism
  cluster_arn        = module.msk.cluster_arn
  access_control     = "iam"
  bootstrap_servers  = module.msk.bootstrap_brokers_sasl_iam
  topic              = var.functions.forwarder_topic
  subnet_ids         = module.network.private_subnet_ids
  security_group_ids = [module.msk.security_group_id]
  output_bucket_name = module.firehose_s3.bucket_name
  kms_key_arn        = module.firehose_s3.kms_key_arn
  log_retention_days = var.log_retention_in_days
  tags               = local.tags
}

data "aws_region" "current" {}
