# DEV: small and cheap. See ../prod for production sizing; the wiring itself lives in ../../modules/platform.

module "platform" {
  source = "../../modules/platform"

  project     = var.project
  environment = var.environment
  tags        = var.tags

  # A new VPC relying on its NAT gateway (no endpoints), unless existing_vpc names one (2 subnets here).
  network = { vpc_cidr = "10.40.0.0/16", az_count = 2, nat_gateway_mode = "single", existing_vpc = var.existing_vpc }
  cluster = {
    # kafka.t3.small: the cheapest broker, enough for functional tests; burst credits, few partitions per broker,
    # and no multi-VPC connectivity (so no Firehose MSK-source mode).
    broker_count         = 2
    broker_instance_type = "kafka.t3.small"
    broker_volume_size   = 20
  }
  use_customer_managed_keys = false # AWS-managed keys, no key cost (the alarm topic is then unencrypted)
  deletion_protection       = false # dev is meant to be destroyed
  # Topics created before the mappings: the tfvars list, or this one (replication at most the broker count).
  topics = var.topics != null ? var.topics : [
    { name = "msk-events", partitions = 3, replication_factor = 2, config = {} },
  ]

  functions = merge(local.function_inputs, { memory_size = 512 })

  # On-demand pollers (no poller cost; AWS accepts no retry controls there): the forwarder parks what it cannot
  # deliver under dead-letter/ and the batch succeeds, so no partition stalls and no record is lost.
  failure_handling = { forwarder_strategy = "dead-letter" }

  firehose              = { buffering_interval = 60, force_destroy_buckets = true, query_enabled = var.backup_query_enabled } # deliver quickly; destroyable buckets
  log_retention_in_days = 14
  alarm_emails          = var.alarm_emails

  pattern_4 = {
    studio_notebook_enabled    = var.studio_notebook_enabled
    flink_application_enabled  = var.flink_application_enabled
    flink_application_jar_path = var.flink_application_jar_path
    flink_parallelism          = 1
  }
}
