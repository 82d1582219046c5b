# Default path and feature switches of the topics module.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  bootstrap_servers = "b-1.demo.kafka.eu-west-1.amazonaws.com:9098,b-2.demo.kafka.eu-west-1.amazonaws.com:9098"
  topics = [
    { name = "orders", partitions = 6, config = { "retention.ms" = "604800000" } },
    { name = "clicks" },
  ]
}

run "creates_document_and_waiting_association" {
  command = plan

  assert {
    condition     = aws_ssm_document.this[0].document_type == "Command" && strcontains(aws_ssm_document.this[0].content, "kafka-topics.sh")
    error_message = "A Command document running kafka-topics.sh."
  }

  assert {
    condition     = strcontains(aws_ssm_document.this[0].content, "--if-not-exists")
    error_message = "Topic creation must be idempotent."
  }

  assert {
    condition     = aws_ssm_association.this[0].wait_for_success_timeout_seconds == 1200 && aws_ssm_association.this[0].targets[0].values == tolist(["i-0123456789abcdef0"])
    error_message = "The association targets the client instance and apply waits for success."
  }

  assert {
    condition = jsondecode(base64decode(aws_ssm_association.this[0].parameters["TopicsBase64"])) == [
      { name = "orders", partitions = 6, replication_factor = 3, config = { "retention.ms" = "604800000" } },
      { name = "clicks", partitions = 3, replication_factor = 3, config = {} },
    ]
    error_message = "Topics are passed with their defaults applied."
  }

  assert {
    condition     = output.topic_names == { orders = "orders", clicks = "clicks" }
    error_message = "Topic names pass through."
  }
}

run "create_false_passes_names_through" {
  command = plan

  variables {
    create = false
  }

  assert {
    condition     = length(aws_ssm_document.this) == 0 && length(aws_ssm_association.this) == 0
    error_message = "create = false must plan no resources."
  }

  assert {
    condition     = output.topic_names == { orders = "orders", clicks = "clicks" } && output.document_name == null
    error_message = "Names still pass through without creation."
  }
}
