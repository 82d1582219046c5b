output "environment_variables" {
  description = "The forwarder's own environment, for msk-lambda's environment_variables: DELIVERY_STREAM_NAME, and FAILURE_STRATEGY, DEAD_LETTER_BUCKET, DEAD_LETTER_PREFIX and OUTPUT_FORMAT when set."
  value       = local.environment_variables
}

output "policy_json" {
  description = "IAM policy document with what those settings need (PutToFirehose, WriteDeadLetters, EncryptDeadLetters), for msk-lambda's policy_documents."
  value       = data.aws_iam_policy_document.this.json
}

output "report_batch_item_failures" {
  description = "Whether the mapping must read partial batch responses (true exactly with failure_strategy = report-batch-item-failures), for msk-lambda's report_batch_item_failures."
  value       = local.report_batch_item_failures
}

output "failure_strategy" {
  description = "The strategy as set on the function (null: the function's default, fail)."
  value       = var.failure_strategy
}
