terraform {
  # 1.9+ for cross-variable validation rules; mocks in tests need 1.7+.
  required_version = ">= 1.9.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100, < 6.0"
    }
  }
}
