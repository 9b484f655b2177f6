package dev.payrelay.settlement;

class InMemoryStoreTest extends SettlementStoreContract {
  @Override
  protected SettlementStore store() {
    return new InMemoryStore();
  }
}
