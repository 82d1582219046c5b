# The key policy as KMS receives it: rendered by the real provider (no mocked policy document) and decoded.
# Only what would call AWS is overridden: the caller identity and the two resources.

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

override_resource {
  target = aws_kms_key.this
  values = { arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555", key_id = "11111111-2222-3333-4444-555555555555" }
}

override_resource {
  target = aws_kms_alias.this
}

variables {
  description = "test key"
  alias_name  = "msk-test-logs"
}

run "administration_only_without_services" {
  command = apply

  assert {
    condition     = [for s in jsondecode(output.policy).Statement : s.Sid] == ["KeyAdministration"]
    error_message = "Without services the policy only lets the account administer the key."
  }

  assert {
    condition     = jsondecode(output.policy).Statement[0].Principal.AWS == "arn:aws:iam::123456789012:root" && jsondecode(output.policy).Statement[0].Effect == "Allow"
    error_message = "Administration is delegated to the account's IAM policies (the root principal), so the key cannot be locked out."
  }

  assert {
    condition     = length(setintersection(toset(flatten([jsondecode(output.policy).Statement[0].Action])), toset(["kms:*", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"]))) == 0
    error_message = "The administration statement grants no cryptographic use of the key (and never kms:*)."
  }

  assert {
    condition     = contains(flatten([jsondecode(output.policy).Statement[0].Action]), "kms:PutKeyPolicy") || contains(flatten([jsondecode(output.policy).Statement[0].Action]), "kms:Put*")
    error_message = "Administrators can always change the policy again."
  }

  assert {
    condition     = aws_kms_key.this[0].enable_key_rotation && aws_kms_key.this[0].deletion_window_in_days == 30 && output.alias_name == "alias/msk-test-logs"
    error_message = "Keys rotate, wait 30 days before deletion and get the alias."
  }
}

run "logs_services_and_principals" {
  command = apply

  variables {
    via_services               = ["s3", "firehose"]
    cloudwatch_logs_log_groups = ["/aws/lambda/msk-test-*", "/aws/kinesisfirehose/msk-test"]
    service_principals         = [{ sid = "CloudWatchAlarms", service = "cloudwatch.amazonaws.com", actions = ["kms:Decrypt", "kms:GenerateDataKey*"] }]
  }

  assert {
    condition     = [for s in jsondecode(output.policy).Statement : s.Sid] == ["KeyAdministration", "UseThroughAwsServices", "CloudWatchLogs", "CloudWatchAlarms"]
    error_message = "One statement each: administration, use through services, CloudWatch Logs, each service principal."
  }

  assert {
    condition = (
      toset(flatten([jsondecode(output.policy).Statement[1].Condition.StringEquals["kms:ViaService"]])) == toset(["s3.eu-west-1.amazonaws.com", "firehose.eu-west-1.amazonaws.com"]) &&
      jsondecode(output.policy).Statement[1].Condition.StringEquals["kms:CallerAccount"] == "123456789012" &&
      jsondecode(output.policy).Statement[1].Principal.AWS == "arn:aws:iam::123456789012:root"
    )
    error_message = "Account principals may use the key only through the listed services of this region."
  }

  assert {
    condition     = contains(flatten([jsondecode(output.policy).Statement[1].Action]), "kms:GenerateDataKey*") && contains(flatten([jsondecode(output.policy).Statement[1].Action]), "kms:Decrypt")
    error_message = "Use through services covers data keys and decryption."
  }

  assert {
    condition = (
      jsondecode(output.policy).Statement[2].Principal.Service == "logs.eu-west-1.amazonaws.com" &&
      toset(flatten([jsondecode(output.policy).Statement[2].Condition.ArnLike["kms:EncryptionContext:aws:logs:arn"]])) == toset([
        "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/msk-test-*",
        "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/kinesisfirehose/msk-test",
      ])
    )
    error_message = "CloudWatch Logs (the regional service principal) may use the key only for the named log groups, by encryption context."
  }

  assert {
    condition     = toset(flatten([jsondecode(output.policy).Statement[2].Action])) == toset(["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"])
    error_message = "CloudWatch Logs gets the actions its documentation lists."
  }

  assert {
    condition     = jsondecode(output.policy).Statement[3].Principal.Service == "cloudwatch.amazonaws.com" && toset(flatten([jsondecode(output.policy).Statement[3].Action])) == toset(["kms:Decrypt", "kms:GenerateDataKey*"])
    error_message = "Service principals get exactly their actions."
  }
}

run "create_false_plans_nothing" {
  command = plan

  variables {
    create = false
  }

  assert {
    condition     = length(aws_kms_key.this) == 0 && length(aws_kms_alias.this) == 0 && output.key_arn == null && output.policy == null
    error_message = "create = false must plan no resources."
  }
}
