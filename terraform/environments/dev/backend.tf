# State in S3 with S3's native lock file (no DynamoDB table). Bucket and region are per account:
#   terraform init -backend-config=backend.hcl   (copy backend.hcl.example)
terraform {
  backend "s3" {
    key          = "streaming-data-solution-msk/dev/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}
