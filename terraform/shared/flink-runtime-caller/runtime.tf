# The call of modules/flink-runtime, written once for its two callers (studio-notebook and flink-application,
# linked into each as runtime.tf): both pass their inputs of the same names through unchanged. What differs is
# in each caller's local.runtime: the kind, the output bucket, the further buckets whose objects the key
# protects, and the caller's own statements.

module "runtime" {
  source = "../flink-runtime"

  create                = local.create
  kind                  = local.runtime.kind
  name                  = var.name
  tags                  = var.tags
  parallelism_per_kpu   = var.parallelism_per_kpu
  log_level             = var.log_level
  log_retention_in_days = var.log_retention_in_days
  log_kms_key_arn       = var.log_kms_key_arn
  kms_key_arn           = var.kms_key_arn

  cluster_arn        = var.cluster_arn
  iam_access         = var.access_control == "iam"
  bootstrap_servers  = var.bootstrap_servers
  topic              = var.topic
  consumer_group_id  = var.consumer_group_id
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids

  output_bucket_arn              = local.runtime.output_bucket_arn
  output_prefix                  = var.output_prefix
  partition_commit_delay_ms      = var.partition_commit_delay_ms
  checkpoint_interval_ms         = var.checkpoint_interval_ms
  encryption_context_bucket_arns = local.runtime.encryption_context_bucket_arns
  extra_statements               = local.runtime.extra_statements
}

moved {
  from = aws_cloudwatch_log_group.this
  to   = module.runtime.aws_cloudwatch_log_group.this
}

moved {
  from = aws_cloudwatch_log_stream.this
  to   = module.runtime.aws_cloudwatch_log_stream.this
}

moved {
  from = aws_iam_role.this
  to   = module.runtime.aws_iam_role.this
}

moved {
  from = aws_iam_role_policy.this
  to   = module.runtime.aws_iam_role_policy.this
}
