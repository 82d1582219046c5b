# Default path of the studio-notebook module: the CloudFormation-wrapped notebook, its catalog, artifacts, network,
# logs and the rendered Zeppelin note (mocked provider). The role policy is rendered for real in
# tests/policy.tftest.hcl.

mock_provider "aws" {
  source = "../../tests/mocks"
}

override_resource {
  target = aws_cloudformation_stack.this[0]
  values = {
    outputs = { ApplicationName = "ticks" }
  }
}

run "notebook_runtime_catalog_artifacts_and_vpc" {
  command = apply

  assert {
    condition     = jsondecode(aws_cloudformation_stack.this[0].template_body).Resources.Notebook.Type == "AWS::KinesisAnalyticsV2::Application"
    error_message = "The stack must declare the notebook as AWS::KinesisAnalyticsV2::Application."
  }

  assert {
    condition = (
      jsondecode(aws_cloudformation_stack.this[0].template_body).Resources.Notebook.Properties.ApplicationMode == "INTERACTIVE" &&
      jsondecode(aws_cloudformation_stack.this[0].template_body).Resources.Notebook.Properties.RuntimeEnvironment == "ZEPPELIN-FLINK-3_0"
    )
    error_message = "The notebook must be INTERACTIVE on ZEPPELIN-FLINK-3_0 by default."
  }

  assert {
    condition = (
      jsondecode(aws_cloudformation_stack.this[0].template_body).Resources.Notebook.Properties.ApplicationConfiguration.ZeppelinApplicationConfiguration.CatalogConfiguration.GlueDataCatalogConfiguration.DatabaseARN
      == "arn:aws:glue:eu-west-1:123456789012:database/ticks_studio"
    ) && aws_glue_catalog_database.this[0].name == "ticks_studio"
    error_message = "The catalog must be the module's own Glue database (underscores, no hyphens)."
  }

  assert {
    condition = jsondecode(aws_cloudformation_stack.this[0].template_body).Resources.Notebook.Properties.ApplicationConfiguration.ZeppelinApplicationConfiguration.CustomArtifactsConfiguration == [
      { ArtifactType = "DEPENDENCY_JAR", MavenReference = { GroupId = "org.apache.flink", ArtifactId = "flink-connector-kafka", Version = "1.15.4" } },
      { ArtifactType = "DEPENDENCY_JAR", MavenReference = { GroupId = "software.amazon.msk", ArtifactId = "aws-msk-iam-auth", Version = "1.1.6" } },
    ]
    error_message = "The artifacts must be the Kafka SQL connector of the runtime's Flink (1.15.4) and MSK IAM auth."
  }

  assert {
    condition = (
      jsondecode(aws_cloudformation_stack.this[0].template_body).Resources.Notebook.Properties.ApplicationConfiguration.VpcConfigurations[0].SubnetIds == ["subnet-0a1b2c3d", "subnet-0e1f2a3b"] &&
      jsondecode(aws_cloudformation_stack.this[0].template_body).Resources.Notebook.Properties.ApplicationConfiguration.VpcConfigurations[0].SecurityGroupIds == ["sg-0123abcd"]
    )
    error_message = "The notebook must sit in the cluster's subnets with its security group."
  }

  assert {
    condition     = jsondecode(aws_cloudformation_stack.this[0].template_body).Resources.Notebook.Properties.ServiceExecutionRole == module.runtime.role_arn
    error_message = "The notebook must run as the module's role."
  }

  assert {
    condition = (
      module.runtime.log_group_retention_in_days == 365 &&
      endswith(jsondecode(aws_cloudformation_stack.this[0].template_body).Resources.NotebookLogging.Properties.CloudWatchLoggingOption.LogStreamARN, ":log-group:/aws/kinesis-analytics/ticks:log-stream:zeppelin")
    )
    error_message = "Logs go to the module's log group (365-day retention, as the original) through a logging option."
  }

  assert {
    condition     = output.flink_version == "1.15.4" && output.start_command == "aws kinesisanalyticsv2 start-application --application-name ticks"
    error_message = "Outputs must name the Flink version and how to start the notebook."
  }
}

run "note_is_rendered_with_the_cluster_values" {
  command = apply

  assert {
    condition     = aws_s3_object.note[0].key == "notes/ticks.zpln" && aws_s3_object.note[0].bucket == module.bucket.bucket_name
    error_message = "The note must be uploaded to notes/<name>.zpln in the output bucket."
  }

  assert {
    condition     = length(jsondecode(aws_s3_object.note[0].content).paragraphs) == 3
    error_message = "The note has three paragraphs: source, checkpointing, sink and insert."
  }

  assert {
    condition = (
      startswith(jsondecode(aws_s3_object.note[0].content).paragraphs[0].text, "%flink.ssql\n") &&
      strcontains(jsondecode(aws_s3_object.note[0].content).paragraphs[0].text, "'topic' = 'stock-ticks'") &&
      strcontains(jsondecode(aws_s3_object.note[0].content).paragraphs[0].text, "'properties.bootstrap.servers' = 'b-1.demo.kafka.eu-west-1.amazonaws.com:9098,b-2.demo.kafka.eu-west-1.amazonaws.com:9098'") &&
      strcontains(jsondecode(aws_s3_object.note[0].content).paragraphs[0].text, "'properties.sasl.mechanism' = 'AWS_MSK_IAM'") &&
      strcontains(jsondecode(aws_s3_object.note[0].content).paragraphs[0].text, "'scan.startup.mode' = 'earliest-offset',")
    )
    error_message = "The source paragraph must carry the topic, the IAM bootstrap servers, the IAM options and read from the earliest offset."
  }

  # Flink 1.15 (ZEPPELIN-FLINK-3_0) fails the whole paragraph with "Unsupported options" on an option its Kafka
  # connector lacks; 'scan.bounded.mode' exists from 1.17 on. Option lines only: the SQL's comments may name it.
  assert {
    condition     = length(regexall("(?m)^\\s*'scan\\.bounded\\.", jsondecode(aws_s3_object.note[0].content).paragraphs[0].text)) == 0
    error_message = "The note must not bound the source: scan.bounded.* options are Kafka connector 1.17+ and the notebook runs Flink 1.15."
  }

  assert {
    condition = (
      jsondecode(aws_s3_object.note[0].content).paragraphs[1].text == "%flink.pyflink\nst_env.get_config().get_configuration().set_string(\"execution.checkpointing.interval\", \"1 min\")\nst_env.get_config().get_configuration().set_string(\"execution.checkpointing.mode\", \"EXACTLY_ONCE\")"
    )
    error_message = "The checkpointing paragraph must set the interval and EXACTLY_ONCE from checkpointing.sql."
  }

  assert {
    condition = (
      startswith(jsondecode(aws_s3_object.note[0].content).paragraphs[2].text, "%flink.ssql(type=update)\n") &&
      strcontains(jsondecode(aws_s3_object.note[0].content).paragraphs[2].text, "'path' = 's3a://${module.bucket.bucket_name}/studio/stock-ticks'") &&
      strcontains(jsondecode(aws_s3_object.note[0].content).paragraphs[2].text, "WHERE price > 50") &&
      strcontains(jsondecode(aws_s3_object.note[0].content).paragraphs[2].text, "PARTITIONED BY (ticker, dt, hr)")
    )
    error_message = "The sink paragraph must write to the bucket's prefix, partitioned, with the > 50 filter."
  }

  assert {
    condition     = !strcontains(aws_s3_object.note[0].content, "$${")
    error_message = "No placeholder may be left in the note."
  }

  assert {
    condition     = output.note_json == aws_s3_object.note[0].content && output.note_s3_uri == "s3://${module.bucket.bucket_name}/notes/ticks.zpln"
    error_message = "The note content and its location must be outputs."
  }
}

# The note's SQL, byte for byte, for fixed inputs. flink-sql's StudioNoteTest renders the same inputs in Java and
# compares with the same files, and scripts/studio-check runs that Java rendering on Flink 1.15: so what runs there
# is what the notebook gets.
run "note_paragraphs_are_the_sql_studio_check_runs_on_flink_1_15" {
  command = apply

  variables {
    create_output_bucket = false
    output_bucket_name   = "studio-output-bucket"
  }

  assert {
    condition     = jsondecode(aws_s3_object.note[0].content).paragraphs[0].text == "%flink.ssql\n${trimspace(file("tests/fixtures/note-iam-source.sql"))}"
    error_message = "The source paragraph must be tests/fixtures/note-iam-source.sql exactly (update it and flink-sql's StudioNoteTest together)."
  }

  assert {
    condition     = jsondecode(aws_s3_object.note[0].content).paragraphs[2].text == "%flink.ssql(type=update)\n${trimspace(file("tests/fixtures/note-iam-sink.sql"))}"
    error_message = "The sink paragraph must be tests/fixtures/note-iam-sink.sql exactly (update it and flink-sql's StudioNoteTest together)."
  }
}

run "own_bucket_is_private_encrypted_and_tls_only" {
  command = apply

  assert {
    condition = (
      module.bucket.public_access_block.block_public_acls && module.bucket.public_access_block.block_public_policy &&
      module.bucket.public_access_block.ignore_public_acls && module.bucket.public_access_block.restrict_public_buckets
    )
    error_message = "The module's bucket must block public access."
  }

  assert {
    condition     = module.bucket.sse_algorithm == "AES256"
    error_message = "The module's bucket must be encrypted at rest."
  }

  assert {
    condition     = module.bucket.bucket_arn != null && module.bucket.versioning_status == null
    error_message = "The module's bucket is a secure-bucket instance (TLS-only policy, tested there as rendered)."
  }
}

run "given_bucket_database_and_tls_runtime_2" {
  command = apply

  variables {
    create_output_bucket = false
    output_bucket_name   = "pattern3-output-bucket"
    create_glue_database = false
    glue_database_name   = "pattern3_db"
    access_control       = "tls"
    runtime_environment  = "ZEPPELIN-FLINK-2_0"
    kms_key_arn          = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
    log_kms_key_arn      = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
  }

  assert {
    condition     = module.bucket.bucket_arn == null && length(aws_glue_catalog_database.this) == 0
    error_message = "A given bucket and database must be used, not created."
  }

  assert {
    condition     = endswith(jsondecode(aws_cloudformation_stack.this[0].template_body).Resources.Notebook.Properties.ApplicationConfiguration.ZeppelinApplicationConfiguration.CatalogConfiguration.GlueDataCatalogConfiguration.DatabaseARN, ":database/pattern3_db")
    error_message = "The given Glue database must be the catalog."
  }

  assert {
    condition     = output.custom_artifacts == ["org.apache.flink:flink-connector-kafka_2.12:1.13.2", "software.amazon.msk:aws-msk-iam-auth:1.1.6"]
    error_message = "ZEPPELIN-FLINK-2_0 (Flink 1.13) needs the 1.13 Kafka SQL connector."
  }

  assert {
    condition = (
      strcontains(aws_s3_object.note[0].content, "'properties.security.protocol' = 'SSL'") &&
      !strcontains(aws_s3_object.note[0].content, "AWS_MSK_IAM") &&
      strcontains(aws_s3_object.note[0].content, "s3a://pattern3-output-bucket/studio/stock-ticks")
    )
    error_message = "TLS mode renders the SSL option only, with the given bucket."
  }

  assert {
    condition     = length(regexall("(?m)^\\s*'scan\\.bounded\\.", jsondecode(aws_s3_object.note[0].content).paragraphs[0].text)) == 0
    error_message = "Flink 1.13 (ZEPPELIN-FLINK-2_0) has no scan.bounded.* options either: the note must not bound the source."
  }

  assert {
    condition     = module.runtime.log_group_kms_key_arn == "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555" && aws_s3_object.note[0].server_side_encryption == "aws:kms"
    error_message = "With a KMS key, logs and the note are encrypted with it."
  }
}

run "scram_note_names_the_secret_not_the_password" {
  command = apply

  variables {
    access_control   = "scram"
    scram_secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_ticks-AbCdEf"
  }

  assert {
    condition = (
      strcontains(jsondecode(aws_s3_object.note[0].content).paragraphs[0].text, "SCRAM-SHA-512") &&
      strcontains(jsondecode(aws_s3_object.note[0].content).paragraphs[0].text, "password=\"<password from arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_ticks-AbCdEf>\"")
    )
    error_message = "The SCRAM note must name the secret in place of the credentials."
  }
}

run "create_false_creates_nothing" {
  command = plan

  variables {
    create = false
  }

  assert {
    condition     = length(aws_cloudformation_stack.this) == 0 && module.runtime.role_arn == null && module.bucket.bucket_arn == null && length(aws_glue_catalog_database.this) == 0 && length(aws_s3_object.note) == 0
    error_message = "create = false must plan nothing."
  }
}
