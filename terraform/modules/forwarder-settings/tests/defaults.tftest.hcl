# The forwarder's environment, mapping switch and policy as IAM receives it: the policy rendered by the real
# provider (offline: fake credentials and skip_* settings), decoded and asserted statement by statement.

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

run "stream_only_uses_the_function_defaults" {
  command = apply

  assert {
    condition     = output.environment_variables == { DELIVERY_STREAM_NAME = "demo-stream" }
    error_message = "Only the stream is set: FAILURE_STRATEGY, OUTPUT_FORMAT and the dead-letter location keep the function's defaults."
  }

  assert {
    condition     = !output.report_batch_item_failures && output.failure_strategy == null
    error_message = "Without a strategy the function fails the invocation; the mapping reads no partial batch responses."
  }

  assert {
    condition = jsondecode(output.policy_json).Statement == [{
      Sid      = "PutToFirehose"
      Effect   = "Allow"
      Action   = ["firehose:PutRecordBatch", "firehose:PutRecord"]
      Resource = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/demo-stream"
    }]
    error_message = "PutRecordBatch and PutRecord on the one stream, nothing else."
  }
}

run "dead_letters_under_a_customer_key" {
  command = apply

  variables {
    failure_strategy = "dead-letter"
    output_format    = "envelope"
    dead_letter = {
      bucket_name = "demo-output-bucket"
      kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
    }
  }

  assert {
    condition = output.environment_variables == {
      DELIVERY_STREAM_NAME = "demo-stream"
      FAILURE_STRATEGY     = "dead-letter"
      DEAD_LETTER_BUCKET   = "demo-output-bucket"
      DEAD_LETTER_PREFIX   = "dead-letter/"
      OUTPUT_FORMAT        = "envelope"
    }
    error_message = "The dead-letter strategy parks under the default prefix of the given bucket."
  }

  assert {
    condition     = !output.report_batch_item_failures
    error_message = "dead-letter works in on-demand mode without partial batch responses."
  }

  assert {
    condition     = [for s in jsondecode(output.policy_json).Statement : s.Sid] == ["PutToFirehose", "WriteDeadLetters", "EncryptDeadLetters"]
    error_message = "Firehose, then the dead letters and their key."
  }

  assert {
    condition     = one([for s in jsondecode(output.policy_json).Statement : s.Resource if s.Sid == "WriteDeadLetters"]) == "arn:aws:s3:::demo-output-bucket/dead-letter/*" && one([for s in jsondecode(output.policy_json).Statement : s.Action if s.Sid == "WriteDeadLetters"]) == "s3:PutObject"
    error_message = "Dead letters are written only under the prefix."
  }

  assert {
    condition = one([for s in jsondecode(output.policy_json).Statement : s.Condition if s.Sid == "EncryptDeadLetters"]) == {
      StringEquals = { "kms:ViaService" = "s3.eu-west-1.amazonaws.com" }
      StringLike   = { "kms:EncryptionContext:aws:s3:arn" = ["arn:aws:s3:::demo-output-bucket", "arn:aws:s3:::demo-output-bucket/*"] }
    }
    error_message = "Dead-letter encryption only through S3 and for that bucket's encryption context (the bucket ARN with S3 Bucket Keys)."
  }

  assert {
    condition     = one([for s in jsondecode(output.policy_json).Statement : s.Action if s.Sid == "EncryptDeadLetters"]) == "kms:GenerateDataKey"
    error_message = "S3 needs only kms:GenerateDataKey to write objects under a customer key."
  }
}

run "partial_batch_responses_switch_the_mapping_on" {
  command = apply

  variables {
    failure_strategy = "report-batch-item-failures"
    provisioned_mode = true
    dead_letter      = { bucket_name = "demo-output-bucket", prefix = "" }
  }

  assert {
    condition     = output.report_batch_item_failures && output.environment_variables.FAILURE_STRATEGY == "report-batch-item-failures"
    error_message = "The function reports batch item failures and the mapping must read them."
  }

  assert {
    condition     = output.environment_variables.DEAD_LETTER_PREFIX == "" && one([for s in jsondecode(output.policy_json).Statement : s.Resource if s.Sid == "WriteDeadLetters"]) == "arn:aws:s3:::demo-output-bucket/*"
    error_message = "An empty prefix parks at the bucket's top level, and the grant follows it."
  }

  assert {
    condition     = !contains([for s in jsondecode(output.policy_json).Statement : s.Sid], "EncryptDeadLetters")
    error_message = "A bucket without a customer key needs no KMS grant."
  }
}
