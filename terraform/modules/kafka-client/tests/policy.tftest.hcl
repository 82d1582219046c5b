# The client role's policies as IAM receives them: rendered by the real provider (offline: fake credentials and
# skip_* settings), decoded and asserted per statement. The AMI lookup (an SSM call) and the resources are
# overridden.

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
  target = data.aws_ssm_parameter.al2023
  values = { value = "ami-0123456789abcdef0", insecure_value = "ami-0123456789abcdef0" }
}

override_resource {
  target = aws_iam_role.this
  values = { arn = "arn:aws:iam::123456789012:role/msk-demo-client", id = "msk-demo-client", name = "msk-demo-client" }
}

override_resource {
  target = aws_iam_role_policy_attachment.ssm
}

override_resource {
  target = aws_iam_instance_profile.this
  values = { arn = "arn:aws:iam::123456789012:instance-profile/msk-demo-client", name = "msk-demo-client" }
}

override_resource {
  target = aws_iam_role_policy.kafka
}

override_resource {
  target = aws_security_group.this
  values = { id = "sg-0123456789abcdef0" }
}

override_resource {
  target = aws_vpc_security_group_egress_rule.https
}

override_resource {
  target = aws_vpc_security_group_egress_rule.kafka
}

override_resource {
  target = aws_instance.this
  values = { id = "i-0123456789abcdef0" }
}

variables {
  bootstrap_brokers = {
    sasl_iam = "b-1.demo.kafka.eu-west-1.amazonaws.com:9098,b-2.demo.kafka.eu-west-1.amazonaws.com:9098"
  }
  scram_secret_arn  = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_demo_client-AbCdEf"
  scram_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
}

run "client_administers_topics_of_this_cluster_only" {
  command = apply

  assert {
    condition     = [for s in jsondecode(aws_iam_role_policy.kafka[0].policy).Statement : s.Sid] == ["KafkaConnect", "KafkaTopics", "KafkaGroups", "ReadScramSecret", "DecryptScramSecret", "ClusterMetadata"]
    error_message = "Cluster metadata, Kafka data plane and the SCRAM secret, nothing else."
  }

  assert {
    condition     = alltrue([for s in jsondecode(aws_iam_role_policy.kafka[0].policy).Statement : !anytrue([for a in flatten([s.Action]) : strcontains(a, "*")])])
    error_message = "No wildcard actions (the original granted kafka-cluster:*Topic*)."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.kafka[0].policy).Statement : s.Resource if s.Sid == "KafkaTopics"]) == "arn:aws:kafka:eu-west-1:123456789012:topic/demo/0b1c2d3e-1111-2222-3333-444455556666-2/*"
    error_message = "Topic permissions are scoped to the cluster UUID."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.kafka[0].policy).Statement : s.Condition if s.Sid == "DecryptScramSecret"]) == { StringEquals = { "kms:ViaService" = "secretsmanager.eu-west-1.amazonaws.com" } }
    error_message = "The SCRAM key is usable only through Secrets Manager."
  }

  assert {
    condition     = jsondecode(aws_iam_role.this[0].assume_role_policy).Statement[0].Principal == { Service = "ec2.amazonaws.com" } && aws_iam_role_policy_attachment.ssm[0].policy_arn == "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
    error_message = "The instance role is for EC2 and reached through Session Manager."
  }
}
