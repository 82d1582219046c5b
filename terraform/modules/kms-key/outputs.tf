output "key_arn" {
  description = "ARN of the key (null when create = false)."
  value       = try(aws_kms_key.this[0].arn, null)
}

output "key_id" {
  description = "ID of the key (null when create = false)."
  value       = try(aws_kms_key.this[0].key_id, null)
}

output "alias_name" {
  description = "Full alias name, alias/<alias_name> (null when create = false)."
  value       = try(aws_kms_alias.this[0].name, null)
}

output "policy" {
  description = "The key policy as sent to KMS (JSON), for callers' tests and reviews."
  value       = try(aws_kms_key.this[0].policy, null)
}
