# Default path, feature switches and security invariants of the network module.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  name = "msk-demo"
}

run "defaults_three_azs_single_nat" {
  command = apply

  assert {
    condition     = length(aws_subnet.private) == 3 && length(aws_subnet.public) == 3 && length(aws_nat_gateway.this) == 1
    error_message = "Defaults: 3 private and 3 public subnets, one NAT gateway."
  }

  assert {
    condition     = [for s in aws_subnet.private : s.cidr_block] == ["10.0.0.0/18", "10.0.64.0/18", "10.0.128.0/18"]
    error_message = "Private subnets take the first three quarters of the VPC."
  }

  assert {
    condition     = alltrue([for s in aws_subnet.public : !s.map_public_ip_on_launch])
    error_message = "Public subnets must not auto-assign public IPs."
  }

  assert {
    condition     = length(aws_default_security_group.this[0].ingress) == 0 && length(aws_default_security_group.this[0].egress) == 0
    error_message = "The default security group must have no rules."
  }

  assert {
    condition     = aws_flow_log.this[0].traffic_type == "REJECT" && aws_cloudwatch_log_group.flow_logs[0].retention_in_days == 30
    error_message = "Flow logs of rejected traffic with retention."
  }

  assert {
    condition     = length(aws_vpc_endpoint.interface) == 0 && length(aws_vpc_endpoint.s3) == 0
    error_message = "No endpoints by default."
  }
}

run "per_az_nat_two_azs" {
  command = plan

  variables {
    az_count         = 2
    nat_gateway_mode = "per_az"
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 2 && length(aws_subnet.private) == 2
    error_message = "One NAT per AZ."
  }
}

run "endpoints_only_without_nat" {
  command = plan

  variables {
    nat_gateway_mode = "none"
    vpc_endpoints    = { enabled = true }
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 0 && length(aws_internet_gateway.this) == 0 && length(aws_subnet.public) == 0
    error_message = "No NAT, no IGW, no public subnets."
  }

  assert {
    condition     = toset(keys(aws_vpc_endpoint.interface)) == toset(["lambda", "sts", "secretsmanager", "kinesis-firehose", "ssm", "ssmmessages", "ec2messages", "logs"]) && length(aws_vpc_endpoint.s3) == 1
    error_message = "Lambda, STS, Secrets Manager, Firehose, SSM and Logs interface endpoints plus the S3 gateway."
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.endpoints_https[0].cidr_ipv4 == "10.0.0.0/16" && aws_vpc_security_group_ingress_rule.endpoints_https[0].from_port == 443
    error_message = "Endpoints accept HTTPS from the VPC only (never 0.0.0.0/0)."
  }
}

run "existing_vpc_adds_endpoints_only" {
  command = plan

  variables {
    existing_vpc = {
      vpc_id                  = "vpc-0123456789abcdef0"
      private_subnet_ids      = ["subnet-0a", "subnet-0b"]
      private_route_table_ids = ["rtb-0a"]
    }
    vpc_endpoints = { enabled = true, interface_services = ["lambda", "sts"] }
  }

  assert {
    condition     = length(aws_vpc.this) == 0 && length(aws_subnet.private) == 0 && length(aws_nat_gateway.this) == 0
    error_message = "No VPC resources are created for an existing VPC."
  }

  assert {
    condition     = output.vpc_id == "vpc-0123456789abcdef0" && output.private_subnet_ids == tolist(["subnet-0a", "subnet-0b"])
    error_message = "Existing IDs are passed through."
  }

  assert {
    condition     = length(aws_vpc_endpoint.interface) == 2
    error_message = "Endpoints are added to the existing VPC."
  }
}

run "s3_gateway_endpoint_alone_with_encrypted_flow_logs" {
  command = plan

  variables {
    s3_gateway_endpoint   = true
    flow_logs_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/22222222-2222-3333-4444-555555555555"
  }

  assert {
    condition     = length(aws_vpc_endpoint.s3) == 1 && length(aws_vpc_endpoint.interface) == 0 && aws_vpc_endpoint.s3[0].vpc_endpoint_type == "Gateway" && length(aws_vpc_endpoint.s3[0].route_table_ids) == 3
    error_message = "Only the S3 gateway endpoint, on every private route table."
  }

  assert {
    condition     = aws_cloudwatch_log_group.flow_logs[0].kms_key_id == "arn:aws:kms:eu-west-1:123456789012:key/22222222-2222-3333-4444-555555555555"
    error_message = "The flow-log log group is encrypted with the given key."
  }
}

run "create_false_plans_nothing" {
  command = plan

  variables {
    create = false
  }

  assert {
    condition     = length(aws_vpc.this) == 0 && length(aws_subnet.private) == 0 && length(aws_nat_gateway.this) == 0 && length(aws_flow_log.this) == 0
    error_message = "create = false must plan no resources."
  }

  assert {
    condition     = output.vpc_id == null
    error_message = "Outputs must be null when nothing is created."
  }
}
