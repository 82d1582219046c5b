# The alarm topic's key policy as KMS receives it, rendered by the real provider (offline) and decoded: CloudWatch
# must be able to use the key, or every alarm notification is dropped.

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
  target = module.sns_key.data.aws_caller_identity.current
  values = { account_id = "123456789012", arn = "arn:aws:iam::123456789012:user/test", id = "123456789012", user_id = "AIDATEST" }
}

override_resource {
  target = module.sns_key.aws_kms_key.this
  values = { arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555", key_id = "11111111-2222-3333-4444-555555555555" }
}

override_resource {
  target = module.sns_key.aws_kms_alias.this
}

override_resource {
  target = aws_sns_topic.this
  values = { arn = "arn:aws:sns:eu-west-1:123456789012:msk-demo-alarms" }
}

override_resource {
  target = aws_sns_topic_subscription.email
}

override_resource {
  target = aws_cloudwatch_dashboard.this
}

override_resource {
  target = aws_cloudwatch_metric_alarm.this
}

variables {
  dashboard_name = "msk-demo"
  alarm_emails   = ["ops@example.com"]
}

run "cloudwatch_alarms_can_publish_to_the_encrypted_topic" {
  command = apply

  assert {
    condition     = [for s in jsondecode(module.sns_key.policy).Statement : s.Sid] == ["KeyAdministration", "UseThroughAwsServices", "CloudWatchAlarms"]
    error_message = "Administration, use through SNS, and CloudWatch alarms."
  }

  assert {
    condition = (
      jsondecode(module.sns_key.policy).Statement[2].Effect == "Allow" &&
      jsondecode(module.sns_key.policy).Statement[2].Principal == { Service = "cloudwatch.amazonaws.com" } &&
      toset(flatten([jsondecode(module.sns_key.policy).Statement[2].Action])) == toset(["kms:Decrypt", "kms:GenerateDataKey*"]) &&
      jsondecode(module.sns_key.policy).Statement[2].Resource == "*"
    )
    error_message = "cloudwatch.amazonaws.com gets kms:Decrypt and kms:GenerateDataKey* on the key, as SNS documents for AWS event sources."
  }

  assert {
    condition     = jsondecode(module.sns_key.policy).Statement[1].Condition.StringEquals["kms:ViaService"] == "sns.eu-west-1.amazonaws.com"
    error_message = "Account principals (publishers, subscribers' tooling) use the key only through SNS."
  }

  assert {
    condition     = aws_sns_topic.this[0].kms_master_key_id == "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
    error_message = "The topic uses that key."
  }
}
