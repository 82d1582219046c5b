# PROD: 3 AZs, NAT per AZ, customer-managed keys. See ../dev for the cheap variant; the wiring itself lives in
# ../../modules/platform.

module "platform" {
  source = "../../modules/platform"

  project     = var.project
  environment = var.environment
  tags        = var.tags

  # A new VPC with a NAT gateway per AZ, unless existing_vpc names one (3 subnets here: one per broker AZ).
  network = { vpc_cidr = "10.50.0.0/16", az_count = 3, nat_gateway_mode = "per_az", existing_vpc = var.existing_vpc }
  cluster = {
    # Graviton kafka.m7g.large: better price/performance than m5; supports multi-VPC connectivity.
    broker_count         = 3
    broker_instance_type = "kafka.m7g.large"
    broker_volume_size   = 500 # GiB per broker, grown by storage auto scaling
    storage_autoscaling  = { enabled = true }
    enhanced_monitoring  = "PER_BROKER"
  }
  use_customer_managed_keys = true # rotating customer keys: MSK, S3/Firehose, every log group, the alarm topic
  deletion_protection       = var.deletion_protection
  # Topics created before the mappings: the tfvars list, or this one (replication at most the broker count).
  topics = var.topics != null ? var.topics : [
    { name = "msk-events", partitions = 6, replication_factor = 3, config = { "retention.ms" = "604800000" } },
  ]

  functions = merge(local.function_inputs, { memory_size = 1024 })

  # Provisioned pollers (each handles about 5 MB/s; the 6 partitions bound useful pollers), partial batch
  # responses, bounded retries with bisect, and exhausted batches written with their records to the output
  # bucket: no partition stalls longer than 10 retries (and their bisections) and no record is lost. Records are not
  # aged out (-1), so a long outage is worked off instead of being diverted.
  failure_handling = {
    provisioned_pollers            = { minimum = 1, maximum = 6 }
    maximum_retry_attempts         = 10
    maximum_record_age_in_seconds  = -1
    bisect_batch_on_function_error = true
    on_failure_destination         = "output-bucket"
    forwarder_strategy             = "report-batch-item-failures"
  }

  firehose              = { buffering_interval = 300, force_destroy_buckets = false, query_enabled = var.backup_query_enabled } # never empty buckets on destroy
  log_retention_in_days = 90
  alarm_emails          = var.alarm_emails

  pattern_4 = {
    studio_notebook_enabled    = var.studio_notebook_enabled
    flink_application_enabled  = var.flink_application_enabled
    flink_application_jar_path = var.flink_application_jar_path
    flink_parallelism          = 3
  }
}
