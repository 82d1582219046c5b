output "topic_names" {
  description = "Map of topic name to name, available only after the topics exist: reference it from event source mappings to order them after topic creation."
  value       = { for t in var.topics : t.name => t.name }

  depends_on = [aws_ssm_association.this]
}

output "document_name" {
  description = "SSM document that ensures the topics (re-run it with aws ssm start-associations-once)."
  value       = try(aws_ssm_document.this[0].name, null)
}

output "association_id" {
  description = "ID of the SSM association."
  value       = try(aws_ssm_association.this[0].association_id, null)
}
