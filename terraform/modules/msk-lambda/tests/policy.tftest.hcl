# The execution role's policies as IAM receives them: rendered by the real provider (offline: fake credentials and
# skip_* settings), decoded and asserted statement by statement. Only the caller identity and the resources are
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
  target = data.aws_caller_identity.current
  values = { account_id = "123456789012", arn = "arn:aws:iam::123456789012:user/test", id = "123456789012", user_id = "AIDATEST" }
}

override_resource {
  target = aws_cloudwatch_log_group.this
  values = { arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/msk-forwarder" }
}

override_resource {
  target = aws_iam_role.this
  values = { arn = "arn:aws:iam::123456789012:role/msk-forwarder", id = "msk-forwarder", name = "msk-forwarder" }
}

override_resource {
  target = aws_iam_role_policy.this
}

override_resource {
  target = aws_lambda_function.this
  values = { arn = "arn:aws:lambda:eu-west-1:123456789012:function:msk-forwarder", version = "1" }
}

override_resource {
  target = aws_lambda_alias.live
  values = { arn = "arn:aws:lambda:eu-west-1:123456789012:function:msk-forwarder:live" }
}

override_resource {
  target = aws_lambda_event_source_mapping.this
}

override_resource {
  target = aws_security_group.this
  values = { id = "sg-0123456789abcdef0" }
}

override_resource {
  target = aws_vpc_security_group_egress_rule.https
}

variables {
  function_name = "msk-forwarder"
}

run "logger_reads_its_topic_and_writes_its_log_group" {
  command = apply

  variables {
    consumer_group_id = "msk-logger"
  }

  assert {
    condition     = [for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Sid] == ["KafkaConnect", "KafkaReadTopic", "KafkaConsumerGroup", "WriteOwnLogs", "MskClusterMetadata", "ManageNetworkInterfaces"]
    error_message = "The logger gets logs, cluster metadata, ENIs and read-only Kafka, nothing else."
  }

  assert {
    condition     = alltrue([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Effect == "Allow" && !anytrue([for a in flatten([s.Action]) : a == "*" || endswith(a, ":*")])])
    error_message = "No wildcard action."
  }

  assert {
    condition     = alltrue([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Sid == "ManageNetworkInterfaces" || !contains(flatten([s.Resource]), "*")])
    error_message = "Only the ENI actions (no resource-level permissions in EC2) use a * resource."
  }

  assert {
    condition     = jsondecode(aws_iam_role_policy.this[0].policy).Statement[3].Resource == "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/msk-forwarder:*"
    error_message = "Logs go to the function's own log group."
  }

  assert {
    condition = (
      jsondecode(aws_iam_role_policy.this[0].policy).Statement[1].Resource == "arn:aws:kafka:eu-west-1:123456789012:topic/demo/0b1c2d3e-1111-2222-3333-444455556666-2/orders" &&
      toset(flatten([jsondecode(aws_iam_role_policy.this[0].policy).Statement[1].Action])) == toset(["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"]) &&
      jsondecode(aws_iam_role_policy.this[0].policy).Statement[2].Resource == "arn:aws:kafka:eu-west-1:123456789012:group/demo/0b1c2d3e-1111-2222-3333-444455556666-2/msk-logger"
    )
    error_message = "Topic and group access are scoped to the cluster UUID, the topic and the named group."
  }

  assert {
    condition = jsondecode(aws_iam_role.this[0].assume_role_policy).Statement[0].Principal == { Service = "lambda.amazonaws.com" } && jsondecode(aws_iam_role.this[0].assume_role_policy).Statement[0].Condition == {
      StringEquals = { "aws:SourceAccount" = "123456789012" }
    }
    error_message = "Only Lambda acting for this account assumes the role."
  }
}

run "forwarder_settings" {
  command = apply

  module {
    source = "../forwarder-settings"
  }

  variables {
    delivery_stream_arn = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/demo-stream"
    dead_letter         = { bucket_name = "demo-output-bucket", kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555" }
    failure_strategy    = "report-batch-item-failures"
    provisioned_mode    = true
  }
}

run "forwarder_with_dead_letters_and_an_s3_on_failure_destination_under_kms" {
  command = apply

  variables {
    environment_variables              = run.forwarder_settings.environment_variables
    policy_documents                   = [run.forwarder_settings.policy_json]
    report_batch_item_failures         = run.forwarder_settings.report_batch_item_failures
    provisioned_pollers                = { minimum_pollers = 1, maximum_pollers = 6 }
    maximum_retry_attempts             = 10
    on_failure_destination_arn         = "arn:aws:s3:::demo-output-bucket"
    on_failure_destination_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
  }

  assert {
    condition = [for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Sid] == [
      "KafkaConnect", "KafkaReadTopic", "KafkaConsumerGroup", "WriteOwnLogs", "MskClusterMetadata", "ManageNetworkInterfaces",
      "OnFailureS3List", "OnFailureS3Put", "OnFailureEncryption", "PutToFirehose", "WriteDeadLetters", "EncryptDeadLetters",
    ]
    error_message = "The forwarder's settings add Firehose and dead letters after the role's own statements (the on-failure destination), each with its key."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Resource if s.Sid == "PutToFirehose"]) == "arn:aws:firehose:eu-west-1:123456789012:deliverystream/demo-stream" && toset(flatten([one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Action if s.Sid == "PutToFirehose"])])) == toset(["firehose:PutRecordBatch", "firehose:PutRecord"])
    error_message = "PutRecordBatch and PutRecord on the one stream."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Resource if s.Sid == "WriteDeadLetters"]) == "arn:aws:s3:::demo-output-bucket/dead-letter/*"
    error_message = "Dead letters only under the prefix."
  }

  assert {
    condition = one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Condition if s.Sid == "EncryptDeadLetters"]) == {
      StringEquals = { "kms:ViaService" = "s3.eu-west-1.amazonaws.com" }
      StringLike   = { "kms:EncryptionContext:aws:s3:arn" = ["arn:aws:s3:::demo-output-bucket", "arn:aws:s3:::demo-output-bucket/*"] }
    }
    error_message = "Dead-letter encryption only through S3 and for that bucket's encryption context (the bucket ARN with S3 Bucket Keys)."
  }

  # Lambda's on-failure documentation: s3:PutObject and s3:ListBucket for S3, kms:GenerateDataKey for its key.
  assert {
    condition = (
      one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Action if s.Sid == "OnFailureS3List"]) == "s3:ListBucket" &&
      one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Resource if s.Sid == "OnFailureS3List"]) == "arn:aws:s3:::demo-output-bucket" &&
      one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Action if s.Sid == "OnFailureS3Put"]) == "s3:PutObject" &&
      one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Resource if s.Sid == "OnFailureS3Put"]) == "arn:aws:s3:::demo-output-bucket/*"
    )
    error_message = "Listing on the bucket, writes on its objects."
  }

  assert {
    condition = one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Action if s.Sid == "OnFailureEncryption"]) == "kms:GenerateDataKey" && one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Condition if s.Sid == "OnFailureEncryption"]) == {
      StringEquals = { "kms:ViaService" = "s3.eu-west-1.amazonaws.com" }
      StringLike   = { "kms:EncryptionContext:aws:s3:arn" = ["arn:aws:s3:::demo-output-bucket", "arn:aws:s3:::demo-output-bucket/*"] }
    }
    error_message = "An S3 destination needs kms:GenerateDataKey, through S3, for that bucket."
  }
}

run "sqs_destination_under_kms_gets_decrypt_and_data_keys_through_sqs" {
  command = apply

  variables {
    provisioned_pollers                = {}
    maximum_retry_attempts             = 5
    on_failure_destination_arn         = "arn:aws:sqs:eu-west-1:123456789012:msk-logger-dlq"
    on_failure_destination_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Action if s.Sid == "OnFailureSqs"]) == "sqs:SendMessage" && one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Resource if s.Sid == "OnFailureSqs"]) == "arn:aws:sqs:eu-west-1:123456789012:msk-logger-dlq"
    error_message = "An SQS destination needs sqs:SendMessage on the queue."
  }

  assert {
    condition = toset(flatten([one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Action if s.Sid == "OnFailureEncryption"])])) == toset(["kms:Decrypt", "kms:GenerateDataKey"]) && one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Condition if s.Sid == "OnFailureEncryption"]) == {
      StringEquals = { "kms:ViaService" = "sqs.eu-west-1.amazonaws.com" }
    }
    error_message = "An encrypted SQS queue needs kms:Decrypt and kms:GenerateDataKey, through SQS."
  }
}

run "scram_reads_its_secret_and_decrypts_through_secrets_manager_only" {
  command = apply

  variables {
    iam_auth          = false
    scram_secret_arn  = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_demo_lambda-AbCdEf"
    scram_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Resource if s.Sid == "ReadScramSecret"]) == "arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_demo_lambda-AbCdEf"
    error_message = "The secret is readable, only that one."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Condition if s.Sid == "DecryptScramSecret"]) == { StringEquals = { "kms:ViaService" = "secretsmanager.eu-west-1.amazonaws.com" } }
    error_message = "kms:Decrypt only through Secrets Manager."
  }

  assert {
    condition     = !anytrue([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : startswith(s.Sid, "Kafka")])
    error_message = "No kafka-cluster data-plane permission with SCRAM."
  }

  assert {
    condition     = one(aws_lambda_event_source_mapping.this[0].source_access_configuration).type == "SASL_SCRAM_512_AUTH"
    error_message = "SCRAM must be configured on the mapping."
  }
}
