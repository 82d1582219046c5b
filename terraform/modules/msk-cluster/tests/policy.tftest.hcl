# The key policy and the cluster policy as AWS receives them: rendered by the real provider (offline: fake
# credentials, skip_* settings) and decoded. Only what would call AWS is overridden.

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
  target = data.aws_caller_identity.current
  values = { account_id = "123456789012", arn = "arn:aws:iam::123456789012:user/test", id = "123456789012", user_id = "AIDATEST" }
}

override_data {
  target = module.kms_key.data.aws_caller_identity.current
  values = { account_id = "123456789012", arn = "arn:aws:iam::123456789012:user/test", id = "123456789012", user_id = "AIDATEST" }
}

override_data {
  target = data.aws_secretsmanager_random_password.scram
  values = { random_password = "offline-test-password-0123456789abcd" }
}

override_resource {
  target = module.kms_key.aws_kms_key.this
  values = { arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555", key_id = "11111111-2222-3333-4444-555555555555" }
}

override_resource {
  target = module.kms_key.aws_kms_alias.this
}

override_resource {
  target = aws_security_group.this
  values = { id = "sg-0123456789abcdef0" }
}

override_resource {
  target = aws_vpc_security_group_ingress_rule.this
}

override_resource {
  target = aws_vpc_security_group_egress_rule.all
}

override_resource {
  target = aws_msk_configuration.this
  values = { arn = "arn:aws:kafka:eu-west-1:123456789012:configuration/msk-demo/0b1c2d3e-1111-2222-3333-444455556666-2", latest_revision = 1 }
}

override_resource {
  target = aws_cloudwatch_log_group.this
}

override_resource {
  target = aws_msk_cluster.this
  values = {
    arn          = "arn:aws:kafka:eu-west-1:123456789012:cluster/msk-demo/0b1c2d3e-1111-2222-3333-444455556666-2"
    cluster_uuid = "0b1c2d3e-1111-2222-3333-444455556666-2"
  }
}

override_resource {
  target = aws_appautoscaling_target.storage
}

override_resource {
  target = aws_appautoscaling_policy.storage
}

override_resource {
  target = aws_msk_cluster_policy.this
}

override_resource {
  target = aws_secretsmanager_secret.scram
  values = { arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_msk-demo_lambda-AbCdEf" }
}

override_resource {
  target = aws_secretsmanager_secret_version.scram
}

override_resource {
  target = aws_msk_scram_secret_association.this
}

variables {
  create_kms_key          = true
  client_authentication   = { iam = true, scram = true }
  scram_users             = ["lambda"]
  firehose_private_access = true
}

run "key_serves_msk_and_secrets_manager_only" {
  command = apply

  assert {
    condition     = [for s in jsondecode(module.kms_key.policy).Statement : s.Sid] == ["KeyAdministration", "UseThroughAwsServices"]
    error_message = "The cluster key is administered by the account and used only through services."
  }

  assert {
    condition     = toset(flatten([jsondecode(module.kms_key.policy).Statement[1].Condition.StringEquals["kms:ViaService"]])) == toset(["kafka.eu-west-1.amazonaws.com", "secretsmanager.eu-west-1.amazonaws.com"])
    error_message = "Use through MSK (encryption at rest) and Secrets Manager (SCRAM secrets) of this region only."
  }

  assert {
    condition     = contains(flatten([jsondecode(module.kms_key.policy).Statement[1].Action]), "kms:CreateGrant") && contains(flatten([jsondecode(module.kms_key.policy).Statement[1].Action]), "kms:DescribeKey")
    error_message = "MSK needs CreateGrant and DescribeKey through kafka.<region> to encrypt the brokers' volumes."
  }
}

run "firehose_may_only_connect_to_this_cluster" {
  command = apply

  assert {
    condition = (
      jsondecode(aws_msk_cluster_policy.this[0].policy).Statement[0].Principal == { Service = "firehose.amazonaws.com" } &&
      toset(flatten([jsondecode(aws_msk_cluster_policy.this[0].policy).Statement[0].Action])) == toset(["kafka:CreateVpcConnection", "kafka:GetBootstrapBrokers", "kafka:DescribeCluster", "kafka:DescribeClusterV2"]) &&
      jsondecode(aws_msk_cluster_policy.this[0].policy).Statement[0].Resource == "arn:aws:kafka:eu-west-1:123456789012:cluster/msk-demo/0b1c2d3e-1111-2222-3333-444455556666-2" &&
      jsondecode(aws_msk_cluster_policy.this[0].policy).Statement[0].Condition == { StringEquals = { "aws:SourceAccount" = "123456789012" } }
    )
    error_message = "The cluster policy lets Firehose of this account create its VPC connection to this cluster, nothing more."
  }
}
