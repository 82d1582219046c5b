output "vpc_id" {
  description = "ID of the VPC (created or existing)."
  value       = local.create ? local.vpc_id : null
}

output "private_subnet_ids" {
  description = "Private subnet IDs, one per AZ (for brokers, the client instance and Lambda)."
  value       = local.create ? local.private_subnet_ids : []
}

output "public_subnet_ids" {
  description = "Public subnet IDs holding the NAT gateways (empty without NAT)."
  value       = aws_subnet.public[*].id
}

output "private_route_table_ids" {
  description = "Route tables of the private subnets."
  value       = local.create ? local.private_route_table_ids : []
}

output "nat_gateway_ids" {
  description = "NAT gateway IDs (one, one per AZ, or none)."
  value       = aws_nat_gateway.this[*].id
}

output "azs" {
  description = "Availability zones in use."
  value       = local.create_vpc ? local.azs : []
}

output "vpc_endpoint_ids" {
  description = "Interface endpoint ID per service, plus s3."
  value       = merge({ for k, v in aws_vpc_endpoint.interface : k => v.id }, { for e in aws_vpc_endpoint.s3 : "s3" => e.id })
}

output "endpoints_security_group_id" {
  description = "Security group of the interface endpoints."
  value       = try(aws_security_group.endpoints[0].id, null)
}

output "flow_logs_kms_key_arn" {
  description = "KMS key of the flow-log log group (null: none, or CloudWatch Logs' own encryption)."
  value       = try(aws_cloudwatch_log_group.flow_logs[0].kms_key_id, null)
}
