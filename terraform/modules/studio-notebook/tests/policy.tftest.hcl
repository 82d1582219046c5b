# The notebook role's policy as IAM receives it: rendered by the real provider (offline: fake credentials and
# skip_* settings), decoded and asserted per statement. Only the caller identity, the resources and the module's
# own bucket (tested in secure-bucket) are overridden.

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
  target = module.runtime.data.aws_caller_identity.current
  values = { account_id = "123456789012", arn = "arn:aws:iam::123456789012:user/test", id = "123456789012", user_id = "AIDATEST" }
}

override_module {
  target = module.bucket
  outputs = {
    bucket_name                 = null
    bucket_id                   = null
    bucket_arn                  = null
    kms_encryption_context_arns = []
  }
}

override_resource {
  target = aws_glue_catalog_database.this
}

override_resource {
  target = module.runtime.aws_cloudwatch_log_group.this
  values = { arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/kinesis-analytics/ticks" }
}

override_resource {
  target = module.runtime.aws_cloudwatch_log_stream.this
}

override_resource {
  target = module.runtime.aws_iam_role.this
  values = { arn = "arn:aws:iam::123456789012:role/ticks-studio", id = "ticks-studio", name = "ticks-studio" }
}

override_resource {
  target = module.runtime.aws_iam_role_policy.this
}

override_resource {
  target = aws_cloudformation_stack.this
  values = { outputs = { ApplicationName = "ticks" } }
}

override_resource {
  target = aws_s3_object.note
}

variables {
  create_output_bucket = false
  output_bucket_name   = "msk-demo-output-0001"
  create_glue_database = false
  glue_database_name   = "msk_demo"
  kms_key_arn          = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
}

run "role_uses_the_catalog_writes_the_sink_through_s3a_and_reads_kafka" {
  command = apply

  assert {
    condition = [for s in jsondecode(module.runtime.role_policy).Statement : s.Sid] == [
      "KafkaConnect", "KafkaReadTopic", "KafkaConsumerGroup",
      "WriteOwnLogs", "FindLogGroups", "ManageNetworkInterfaces", "GlueCatalog",
      "OutputBucket", "OutputObjects", "OutputPathProbes", "OutputParentMarkers", "EncryptOutput",
    ]
    error_message = "Logs, ENIs, the catalog, the S3A sink, KMS through S3 and read-only Kafka, nothing else."
  }

  assert {
    condition     = alltrue([for s in jsondecode(module.runtime.role_policy).Statement : s.Effect == "Allow" && !anytrue([for a in flatten([s.Action]) : a == "*" || endswith(a, ":*")])])
    error_message = "No wildcard action."
  }

  assert {
    condition     = alltrue([for s in jsondecode(module.runtime.role_policy).Statement : s.Sid == "ManageNetworkInterfaces" || !contains(flatten([s.Resource]), "*")])
    error_message = "Everything but the ENI actions names its resources."
  }

  assert {
    condition = toset(flatten([one([for s in jsondecode(module.runtime.role_policy).Statement : s.Resource if s.Sid == "OutputPathProbes"])])) == toset([
      "arn:aws:s3:::msk-demo-output-0001/studio", "arn:aws:s3:::msk-demo-output-0001/studio/stock-ticks",
      "arn:aws:s3:::msk-demo-output-0001/studio/", "arn:aws:s3:::msk-demo-output-0001/studio/stock-ticks/",
    ])
    error_message = "S3A may probe the sink's folder and its parents."
  }

  assert {
    condition = one([for s in jsondecode(module.runtime.role_policy).Statement : s.Condition if s.Sid == "EncryptOutput"]) == {
      StringEquals = { "kms:ViaService" = "s3.eu-west-1.amazonaws.com" }
      StringLike   = { "kms:EncryptionContext:aws:s3:arn" = ["arn:aws:s3:::msk-demo-output-0001", "arn:aws:s3:::msk-demo-output-0001/*"] }
    }
    error_message = "KMS only through S3 and only for the bucket's encryption context."
  }

  assert {
    condition = toset(flatten([one([for s in jsondecode(module.runtime.role_policy).Statement : s.Resource if s.Sid == "KafkaConsumerGroup"])])) == toset(["arn:aws:kafka:eu-west-1:123456789012:group/demo/0b1c2d3e-1111-2222-3333-444455556666-2/KdaStudioGroup"]) && !anytrue([
      for s in jsondecode(module.runtime.role_policy).Statement : contains(flatten([s.Action]), "kafka-cluster:WriteData")
    ])
    error_message = "Kafka access is read-only, scoped to the cluster UUID, topic and group."
  }

  assert {
    condition     = jsondecode(module.runtime.role_assume_policy).Statement[0].Principal == { Service = "kinesisanalytics.amazonaws.com" }
    error_message = "Only Managed Flink assumes the role."
  }
}

run "tls_access_needs_no_kafka_cluster_permissions" {
  command = apply

  variables {
    access_control = "tls"
  }

  assert {
    condition     = !anytrue([for s in jsondecode(module.runtime.role_policy).Statement : startswith(s.Sid, "Kafka")])
    error_message = "Without IAM access control the role gets no kafka-cluster permissions."
  }
}
