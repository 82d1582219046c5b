# Statements of the msk-access-policy module: scoped to the cluster UUID, explicit actions, opt-in parts.

variables {
  cluster_arn     = "arn:aws:kafka:eu-west-1:123456789012:cluster/demo/0b1c2d3e-1111-2222-3333-444455556666-2"
  topics          = ["stock-ticks"]
  consumer_groups = ["flink-sql-stock-ticks"]
}

run "read_only_consumer" {
  command = plan

  assert {
    condition     = join(",", [for s in output.kafka_statements : s.sid]) == "KafkaConnect,KafkaReadTopic,KafkaConsumerGroup"
    error_message = "Connect, topic and group statements with the default sids."
  }

  assert {
    condition     = join(",", output.kafka_statements[0].resources) == var.cluster_arn && join(",", output.kafka_statements[0].actions) == "kafka-cluster:Connect,kafka-cluster:DescribeClusterDynamicConfiguration"
    error_message = "Connect is granted on the cluster only."
  }

  assert {
    condition     = join(",", output.kafka_statements[1].resources) == "arn:aws:kafka:eu-west-1:123456789012:topic/demo/0b1c2d3e-1111-2222-3333-444455556666-2/stock-ticks" && join(",", output.kafka_statements[1].actions) == "kafka-cluster:DescribeTopic,kafka-cluster:ReadData"
    error_message = "Read-only topic access scoped to the cluster UUID and the topic."
  }

  assert {
    condition     = join(",", output.kafka_statements[2].resources) == "arn:aws:kafka:eu-west-1:123456789012:group/demo/0b1c2d3e-1111-2222-3333-444455556666-2/flink-sql-stock-ticks" && join(",", output.group_arns) == join(",", output.kafka_statements[2].resources)
    error_message = "Group access scoped to the cluster UUID and the group."
  }

  assert {
    condition     = alltrue([for s in output.kafka_statements : !anytrue([for a in s.actions : strcontains(a, "*")]) && !contains(s.resources, "*")])
    error_message = "No wildcard action and no unscoped resource."
  }

  assert {
    condition     = length(output.vpc_application_statements) == 0
    error_message = "VPC application statements are opt-in."
  }
}

run "writer_and_admin_with_custom_sids" {
  command = plan

  variables {
    topics        = ["*"]
    topic_actions = ["kafka-cluster:CreateTopic", "kafka-cluster:WriteData"]
    sids          = { topics = "KafkaTopics", groups = "KafkaGroups" }
  }

  assert {
    condition     = join(",", [for s in output.kafka_statements : s.sid]) == "KafkaConnect,KafkaTopics,KafkaGroups" && join(",", output.topic_arns) == "arn:aws:kafka:eu-west-1:123456789012:topic/demo/0b1c2d3e-1111-2222-3333-444455556666-2/*"
    error_message = "Topic patterns stay under the cluster's UUID; sids are configurable."
  }
}

run "no_group_statement_without_groups" {
  command = plan

  variables {
    consumer_groups = []
  }

  assert {
    condition     = length(output.kafka_statements) == 2 && length(output.group_arns) == 0
    error_message = "Without groups there is no group statement."
  }
}

run "disabled_without_iam_access_control" {
  command = plan

  variables {
    kafka_access_enabled = false
  }

  assert {
    condition     = length(output.kafka_statements) == 0 && length(output.topic_arns) == 0
    error_message = "kafka_access_enabled = false produces no kafka-cluster statement."
  }
}

run "vpc_application" {
  command = plan

  variables {
    vpc_application = { log_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/kinesis-analytics/demo", partition = "aws", region = "eu-west-1", account_id = "123456789012" }
  }

  assert {
    condition     = join(",", [for s in output.vpc_application_statements : s.sid]) == "WriteOwnLogs,FindLogGroups,ManageNetworkInterfaces"
    error_message = "Own logs, log group discovery and ENIs."
  }

  assert {
    condition     = join(",", output.vpc_application_statements[0].resources) == "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/kinesis-analytics/demo:*" && join(",", output.vpc_application_statements[1].resources) == "arn:aws:logs:eu-west-1:123456789012:log-group:*"
    error_message = "Log statements are scoped to the own log group and the account's log groups."
  }

  assert {
    condition     = alltrue([for a in output.vpc_application_statements[2].actions : startswith(a, "ec2:")]) && length(output.vpc_application_statements[2].actions) == 8
    error_message = "Only the eight ENI actions get a * resource (EC2 has no resource-level permissions for them)."
  }
}

run "s3a_output_covers_the_folder_its_parents_and_their_markers" {
  command = plan

  variables {
    s3a_output = { bucket_arn = "arn:aws:s3:::msk-demo-output", prefix = "flink/stock-ticks" }
  }

  assert {
    condition     = join(",", [for s in output.s3a_output_statements : s.sid]) == join(",", ["OutputBucket", "OutputObjects", "OutputPathProbes", "OutputParentMarkers"])
    error_message = "Bucket, objects, path probes and parent markers."
  }

  assert {
    condition     = output.s3a_output_statements[0].resources == tolist(["arn:aws:s3:::msk-demo-output"]) && contains(output.s3a_output_statements[0].actions, "s3:ListBucket")
    error_message = "Listing is granted on the bucket (S3A lists the folder to tell a missing path from a directory)."
  }

  assert {
    condition     = output.s3a_output_statements[1].resources == tolist(["arn:aws:s3:::msk-demo-output/flink/stock-ticks/*"])
    error_message = "Objects are written only below the sink's folder."
  }

  assert {
    condition = toset(output.s3a_output_statements[2].resources) == toset([
      "arn:aws:s3:::msk-demo-output/flink", "arn:aws:s3:::msk-demo-output/flink/stock-ticks",
      "arn:aws:s3:::msk-demo-output/flink/", "arn:aws:s3:::msk-demo-output/flink/stock-ticks/",
    ]) && output.s3a_output_statements[2].actions == tolist(["s3:GetObject"])
    error_message = "S3A may probe the folder and each parent, as key and as folder marker, read-only."
  }

  assert {
    condition     = output.s3a_output_statements[3].resources == tolist(["arn:aws:s3:::msk-demo-output/flink/", "arn:aws:s3:::msk-demo-output/flink/stock-ticks/"]) && output.s3a_output_statements[3].actions == tolist(["s3:DeleteObject"])
    error_message = "Only the parents' folder markers may be deleted outside the folder."
  }
}

run "client_policy_document_with_scram_secret" {
  command = plan

  variables {
    scram_secret = {
      arn         = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_demo-AbCdEf"
      kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
      via_service = "secretsmanager.eu-west-1.amazonaws.com"
    }
  }

  assert {
    condition     = [for s in jsondecode(output.client_policy_json).Statement : s.Sid] == ["KafkaConnect", "KafkaReadTopic", "KafkaConsumerGroup", "ReadScramSecret", "DecryptScramSecret"]
    error_message = "The document holds the kafka-cluster statements, then the SCRAM secret's two."
  }

  assert {
    condition = one([for s in jsondecode(output.client_policy_json).Statement : s if s.Sid == "DecryptScramSecret"]) == {
      Sid       = "DecryptScramSecret"
      Effect    = "Allow"
      Action    = "kms:Decrypt"
      Resource  = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
      Condition = { StringEquals = { "kms:ViaService" = "secretsmanager.eu-west-1.amazonaws.com" } }
    }
    error_message = "The SCRAM key may only decrypt, and only through Secrets Manager."
  }

  assert {
    condition     = alltrue([for s in jsondecode(output.client_policy_json).Statement : !can(s.Condition) if s.Sid != "DecryptScramSecret"])
    error_message = "No other statement carries a condition."
  }
}

run "client_policy_document_empty_without_iam_or_scram" {
  command = plan

  variables {
    kafka_access_enabled = false
    cluster_arn          = null
    topics               = []
  }

  assert {
    condition     = jsondecode(output.client_policy_json) == { Version = "2012-10-17", Statement = [] }
    error_message = "Without IAM access control and SCRAM the document has no statement."
  }
}
