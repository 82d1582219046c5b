# The flow-log role's policies as IAM receives them: rendered by the real provider (offline: fake credentials and
# skip_* settings) and decoded. The availability zones (an EC2 call) and the resources are overridden.

provider "aws" {
  region                      = "eu-west-1"
  access_key                  = "offline-test"
  secret_key                  = "offline-test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  max_retries                 = 1
}

override_data {
  target = data.aws_availability_zones.available
  values = { names = ["eu-west-1a", "eu-west-1b", "eu-west-1c"], zone_ids = ["euw1-az1", "euw1-az2", "euw1-az3"] }
}

override_resource {
  target = aws_cloudwatch_log_group.flow_logs
  values = { arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vpc/msk-demo/flow-logs" }
}

override_resource {
  target = aws_iam_role.flow_logs
  values = { arn = "arn:aws:iam::123456789012:role/msk-demo-flow-logs", id = "msk-demo-flow-logs", name = "msk-demo-flow-logs" }
}

override_resource {
  target = aws_vpc.this
  values = { id = "vpc-0123456789abcdef0" }
}

override_resource {
  target = aws_default_security_group.this
}

override_resource {
  target = aws_subnet.private
}

override_resource {
  target = aws_subnet.public
}

override_resource {
  target = aws_internet_gateway.this
}

override_resource {
  target = aws_eip.nat
}

override_resource {
  target = aws_nat_gateway.this
}

override_resource {
  target = aws_route_table.public
}

override_resource {
  target = aws_route.public_internet
}

override_resource {
  target = aws_route_table_association.public
}

override_resource {
  target = aws_route_table.private
}

override_resource {
  target = aws_route.private_nat
}

override_resource {
  target = aws_route_table_association.private
}

override_resource {
  target = aws_iam_role_policy.flow_logs
}

override_resource {
  target = aws_flow_log.this
}

override_resource {
  target = aws_security_group.endpoints
}

override_resource {
  target = aws_vpc_security_group_ingress_rule.endpoints_https
}

override_resource {
  target = aws_vpc_endpoint.interface
}

override_resource {
  target = aws_vpc_endpoint.s3
}

variables {
  name = "msk-demo"
}

run "flow_logs_write_only_their_log_group" {
  command = apply

  assert {
    condition = jsondecode(aws_iam_role_policy.flow_logs[0].policy).Statement[0].Resource == "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vpc/msk-demo/flow-logs:*" && toset(flatten([jsondecode(aws_iam_role_policy.flow_logs[0].policy).Statement[0].Action])) == toset([
      "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams",
    ])
    error_message = "Flow logs may create streams and put events in their own log group only."
  }

  assert {
    condition     = length(jsondecode(aws_iam_role_policy.flow_logs[0].policy).Statement) == 1
    error_message = "Nothing else is granted."
  }

  assert {
    condition     = jsondecode(aws_iam_role.flow_logs[0].assume_role_policy).Statement[0].Principal == { Service = "vpc-flow-logs.amazonaws.com" } && jsondecode(aws_iam_role.flow_logs[0].assume_role_policy).Statement[0].Action == "sts:AssumeRole"
    error_message = "Only the flow-logs service assumes the role."
  }
}
