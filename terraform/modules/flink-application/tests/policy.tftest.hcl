# The application role's policy as IAM receives it: rendered by the real provider (offline: fake credentials and
# skip_* settings), decoded and asserted per statement. Only the caller identity and the resources are overridden.

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
  target = module.runtime.data.aws_caller_identity.current
  values = { account_id = "123456789012", arn = "arn:aws:iam::123456789012:user/test", id = "123456789012", user_id = "AIDATEST" }
}

override_resource {
  target = aws_s3_object.jar
  values = { version_id = "3sL4kqtJlcpXroDTDmJ-rmSpXd3dIbrHY" }
}

override_resource {
  target = module.runtime.aws_cloudwatch_log_group.this
  values = { arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/kinesis-analytics/ticks-sql" }
}

override_resource {
  target = module.runtime.aws_cloudwatch_log_stream.this
  values = { arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/kinesis-analytics/ticks-sql:log-stream:application" }
}

override_resource {
  target = module.runtime.aws_iam_role.this
  values = { arn = "arn:aws:iam::123456789012:role/ticks-sql-flink", id = "ticks-sql-flink", name = "ticks-sql-flink" }
}

override_resource {
  target = module.runtime.aws_iam_role_policy.this
}

override_resource {
  target = aws_kinesisanalyticsv2_application.this
  values = { arn = "arn:aws:kinesisanalytics:eu-west-1:123456789012:application/ticks-sql" }
}

variables {
  name               = "ticks-sql"
  code_bucket_name   = "msk-demo-output-0001"
  code_key           = "artifacts/flink-sql-application.jar"
  jar_path           = "tests/fixtures/application.jar"
  cluster_arn        = "arn:aws:kafka:eu-west-1:123456789012:cluster/demo/0b1c2d3e-1111-2222-3333-444455556666-2"
  bootstrap_servers  = "b-1.demo.kafka.eu-west-1.amazonaws.com:9098,b-2.demo.kafka.eu-west-1.amazonaws.com:9098"
  topic              = "stock-ticks"
  subnet_ids         = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
  security_group_ids = ["sg-0123abcd"]
  output_bucket_name = "msk-demo-output-0001"
  kms_key_arn        = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
}

run "role_reads_the_jar_writes_the_sink_through_s3a_and_reads_kafka" {
  command = apply

  assert {
    condition = [for s in jsondecode(module.runtime.role_policy).Statement : s.Sid] == [
      "KafkaConnect", "KafkaReadTopic", "KafkaConsumerGroup",
      "WriteOwnLogs", "FindLogGroups", "ManageNetworkInterfaces", "ReadCode",
      "OutputBucket", "OutputObjects", "OutputPathProbes", "OutputParentMarkers", "EncryptOutput",
    ]
    error_message = "Logs, ENIs, the jar, the S3A sink, KMS through S3 and read-only Kafka, nothing else."
  }

  assert {
    condition     = alltrue([for s in jsondecode(module.runtime.role_policy).Statement : s.Effect == "Allow" && !anytrue([for a in flatten([s.Action]) : a == "*" || endswith(a, ":*")])])
    error_message = "No wildcard action."
  }

  assert {
    condition     = alltrue([for s in jsondecode(module.runtime.role_policy).Statement : s.Sid == "ManageNetworkInterfaces" || !contains(flatten([s.Resource]), "*")])
    error_message = "Everything but the ENI actions (EC2 has no resource scoping for them) names its resources."
  }

  assert {
    condition     = one([for s in jsondecode(module.runtime.role_policy).Statement : s.Resource if s.Sid == "ReadCode"]) == "arn:aws:s3:::msk-demo-output-0001/artifacts/flink-sql-application.jar"
    error_message = "The role reads the jar object only."
  }

  # Finding: grants on <prefix>/* alone refused S3A's HEAD on the folder and its parents.
  assert {
    condition = toset(flatten([one([for s in jsondecode(module.runtime.role_policy).Statement : s.Resource if s.Sid == "OutputPathProbes"])])) == toset([
      "arn:aws:s3:::msk-demo-output-0001/flink", "arn:aws:s3:::msk-demo-output-0001/flink/stock-ticks",
      "arn:aws:s3:::msk-demo-output-0001/flink/", "arn:aws:s3:::msk-demo-output-0001/flink/stock-ticks/",
    ])
    error_message = "S3A may probe the sink's folder and its parents."
  }

  assert {
    condition     = one([for s in jsondecode(module.runtime.role_policy).Statement : s.Resource if s.Sid == "OutputObjects"]) == "arn:aws:s3:::msk-demo-output-0001/flink/stock-ticks/*" && contains(flatten([one([for s in jsondecode(module.runtime.role_policy).Statement : s.Action if s.Sid == "OutputBucket"])]), "s3:ListBucket")
    error_message = "Objects below the folder; listing on the bucket."
  }

  assert {
    condition = one([for s in jsondecode(module.runtime.role_policy).Statement : s.Condition if s.Sid == "EncryptOutput"]) == {
      StringEquals = { "kms:ViaService" = "s3.eu-west-1.amazonaws.com" }
      StringLike   = { "kms:EncryptionContext:aws:s3:arn" = ["arn:aws:s3:::msk-demo-output-0001", "arn:aws:s3:::msk-demo-output-0001/*"] }
    }
    error_message = "KMS only through S3 and only for the bucket (bucket ARN with S3 Bucket Keys, object ARNs without)."
  }

  assert {
    condition     = one([for s in jsondecode(module.runtime.role_policy).Statement : s.Resource if s.Sid == "KafkaReadTopic"]) == "arn:aws:kafka:eu-west-1:123456789012:topic/demo/0b1c2d3e-1111-2222-3333-444455556666-2/stock-ticks" && !anytrue([for s in jsondecode(module.runtime.role_policy).Statement : contains(flatten([s.Action]), "kafka-cluster:WriteData")])
    error_message = "Kafka access is read-only and scoped to the topic."
  }

  assert {
    condition = jsondecode(module.runtime.role_assume_policy).Statement[0].Principal == { Service = "kinesisanalytics.amazonaws.com" } && jsondecode(module.runtime.role_assume_policy).Statement[0].Condition == {
      StringEquals = { "aws:SourceAccount" = "123456789012" }
    }
    error_message = "Only Managed Flink acting for this account assumes the role."
  }
}

run "tls_access_needs_no_kafka_cluster_permissions" {
  command = apply

  variables {
    access_control = "tls"
    kms_key_arn    = null
  }

  assert {
    condition     = !anytrue([for s in jsondecode(module.runtime.role_policy).Statement : startswith(s.Sid, "Kafka") || s.Sid == "EncryptOutput"])
    error_message = "No kafka-cluster statements with TLS, no KMS statement without a key."
  }
}
