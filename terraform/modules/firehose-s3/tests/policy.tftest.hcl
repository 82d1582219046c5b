# The Firehose role policy and the key policy as AWS receives them: rendered by the real provider (offline: fake
# credentials and skip_* settings), decoded and asserted statement by statement. Only what would call AWS is
# replaced: the caller identity, the resources, and the two secure-bucket instances (tested in their module).

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

override_module {
  target = module.output_bucket
  outputs = {
    bucket_name                 = "msk-demo-output-0001"
    bucket_id                   = "msk-demo-output-0001"
    bucket_arn                  = "arn:aws:s3:::msk-demo-output-0001"
    kms_encryption_context_arns = ["arn:aws:s3:::msk-demo-output-0001"]
  }
}

override_module {
  target = module.access_logs_bucket
  outputs = {
    bucket_name                 = "msk-demo-access-logs-0001"
    bucket_id                   = "msk-demo-access-logs-0001"
    bucket_arn                  = "arn:aws:s3:::msk-demo-access-logs-0001"
    kms_encryption_context_arns = []
  }
}

override_resource {
  target = module.kms_key.aws_kms_key.this
  values = { arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555", key_id = "11111111-2222-3333-4444-555555555555" }
}

override_resource {
  target = module.kms_key.aws_kms_alias.this
}

override_resource {
  target = aws_cloudwatch_log_group.this
  values = { arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/kinesisfirehose/msk-demo" }
}

override_resource {
  target = aws_cloudwatch_log_stream.this
}

override_resource {
  target = aws_iam_role.this
  values = { arn = "arn:aws:iam::123456789012:role/msk-demo-firehose", id = "msk-demo-firehose", name = "msk-demo-firehose" }
}

override_resource {
  target = aws_iam_role_policy.this
}

override_resource {
  target = aws_kinesis_firehose_delivery_stream.this
  values = { arn = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/msk-demo" }
}

override_resource {
  target = aws_glue_catalog_database.this
}

variables {
  name = "msk-demo"
}

run "firehose_role_writes_its_bucket_and_log_stream_only" {
  command = apply

  assert {
    condition     = [for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Sid] == ["WriteOutputBucket", "WriteErrorLogs", "EncryptThroughS3"]
    error_message = "Direct PUT: bucket, error logs and KMS through S3, nothing else."
  }

  assert {
    condition = (
      toset(flatten([jsondecode(aws_iam_role_policy.this[0].policy).Statement[0].Action])) == toset(["s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:PutObject"]) &&
      toset(flatten([jsondecode(aws_iam_role_policy.this[0].policy).Statement[0].Resource])) == toset(["arn:aws:s3:::msk-demo-output-0001", "arn:aws:s3:::msk-demo-output-0001/*"])
    )
    error_message = "Firehose gets the S3 actions its documentation lists, on its own bucket only."
  }

  assert {
    condition     = jsondecode(aws_iam_role_policy.this[0].policy).Statement[1].Action == "logs:PutLogEvents" && jsondecode(aws_iam_role_policy.this[0].policy).Statement[1].Resource == "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/kinesisfirehose/msk-demo:log-stream:*"
    error_message = "Error logging is limited to the stream's own log group."
  }

  # S3 Bucket Keys: the encryption context is the bucket ARN; a <bucket>/* condition would make every write fail.
  assert {
    condition = jsondecode(aws_iam_role_policy.this[0].policy).Statement[2].Condition == {
      StringEquals = {
        "kms:ViaService"                   = "s3.eu-west-1.amazonaws.com"
        "kms:EncryptionContext:aws:s3:arn" = "arn:aws:s3:::msk-demo-output-0001"
      }
    }
    error_message = "KMS use is limited to S3 and to the bucket's encryption context (the bucket ARN)."
  }

  assert {
    condition     = toset(flatten([jsondecode(aws_iam_role_policy.this[0].policy).Statement[2].Action])) == toset(["kms:GenerateDataKey", "kms:Decrypt"]) && jsondecode(aws_iam_role_policy.this[0].policy).Statement[2].Resource == "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
    error_message = "Data keys and decryption, on the module's key only."
  }

  assert {
    condition = jsondecode(aws_iam_role.this[0].assume_role_policy).Statement[0].Principal.Service == "firehose.amazonaws.com" && jsondecode(aws_iam_role.this[0].assume_role_policy).Statement[0].Condition == {
      StringEquals = { "sts:ExternalId" = "123456789012" }
    }
    error_message = "Only Firehose on behalf of this account may assume the role."
  }
}

run "key_serves_s3_and_firehose_only" {
  command = apply

  assert {
    condition     = [for s in jsondecode(module.kms_key.policy).Statement : s.Sid] == ["KeyAdministration", "UseThroughAwsServices"]
    error_message = "The key is administered by the account and used only through services."
  }

  assert {
    condition     = toset(flatten([jsondecode(module.kms_key.policy).Statement[1].Condition.StringEquals["kms:ViaService"]])) == toset(["s3.eu-west-1.amazonaws.com", "firehose.eu-west-1.amazonaws.com"])
    error_message = "Use through S3 (objects) and Firehose (the stream's own encryption)."
  }
}

# MSK source mode as a whole: the stream reads privately, without stream-side SSE, with scoped permissions.
run "msk_source_reads_the_topic_with_scoped_permissions" {
  command = apply

  variables {
    msk_source = {
      cluster_arn = "arn:aws:kafka:eu-west-1:123456789012:cluster/demo/0b1c2d3e-1111-2222-3333-444455556666-2"
      topic_name  = "orders"
    }
  }

  assert {
    condition = one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Resource if s.Sid == "MskReadTopic"]) == "arn:aws:kafka:eu-west-1:123456789012:topic/demo/0b1c2d3e-1111-2222-3333-444455556666-2/orders" && toset(flatten(one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Action if s.Sid == "MskReadTopic"]))) == toset([
      "kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:ReadData",
    ])
    error_message = "Topic reads are scoped to the topic ARN with the cluster UUID."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.this[0].policy).Statement : s.Resource if s.Sid == "MskClusterMetadata"]) == "arn:aws:kafka:eu-west-1:123456789012:cluster/demo/0b1c2d3e-1111-2222-3333-444455556666-2"
    error_message = "Cluster metadata and Connect on this cluster only."
  }

  assert {
    condition     = aws_kinesis_firehose_delivery_stream.this[0].msk_source_configuration[0].authentication_configuration[0].connectivity == "PRIVATE"
    error_message = "MSK source must default to PRIVATE connectivity."
  }

  assert {
    condition     = !try(aws_kinesis_firehose_delivery_stream.this[0].server_side_encryption[0].enabled, false)
    error_message = "Stream-side SSE is not allowed with an MSK source."
  }
}
