# PROD: 3 AZs, NAT per AZ, customer-managed keys. See ../dev for the cheap variant; the wiring itself lives in
# ../../modules/platform.

module "platform" {
  source = "../../modules/platform"

  project     = var.project
  environment = var.environment
  tags        = var.tags

  network = { vpc_cidr = "10.50.0.0/16", az_count = 3, nat_gateway_mode = "per_az" }
  cluster = {
    # Graviton kafka.m7g.large: better price/performance than m5; supports multi-VPC connectivity.
    broker_count         = 3
    broker_instance_type = "kafka.m7g.large"
    broker_volume_size   = 500 # GiB per broker, grown by storage auto scaling
    storage_autoscaling  = { enabled = true }
    enhanced_monitoring  = "PER_BROKER"
  }
  use_customer_managed_keys = true # rotating customer-managed keys for MSK, S3 and Firehose
  topics                    = var.topics

  functions = {
    logger_package_path    = var.logger_package_path
    forwarder_package_path = var.forwarder_package_path
    runtime_mode           = var.lambda_runtime_mode
    architecture           = var.lambda_architecture
    snap_start             = var.lambda_snap_start
    memory_size            = 1024
  }

  firehose              = { buffering_interval = 300, force_destroy_buckets = false } # never empty buckets on destroy
  log_retention_in_days = 90
  alarm_emails          = var.alarm_emails

  pattern_4 = {
    studio_notebook_enabled    = var.studio_notebook_enabled
    flink_application_enabled  = var.flink_application_enabled
    flink_application_jar_path = var.flink_application_jar_path
    flink_parallelism          = 3
  }
}
