// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

/// @dev The one ERC-20 function the proxy calls. Declared without a return value on purpose:
/// the proxy reads the raw return data itself, so tokens that return nothing (USDT) work too.
interface ITransferFrom {
    function transferFrom(address from, address to, uint256 value) external;
}

/// @title PayRelayFeeProxy
/// @notice Pays an invoice in ETH or in an ERC-20 token and records the invoice's payment
/// reference in an event, so a watcher can match the payment to the invoice from the logs alone.
/// @dev The event has the signature of Request Network's ERC20FeeProxy, so one decoder reads this
/// proxy and theirs. The ETH payment emits it too, with tokenAddress = address(0).
///
/// Reentrancy: the contract has no storage, never holds a balance between calls (it forwards
/// exactly msg.value, and tokens move from the payer straight to the payees), and every call only
/// moves the caller's own money. A reentrant call from a payee is therefore just another, separate
/// payment; it can neither read nor change anything of the outer one. Each event is emitted after
/// the transfers it describes succeeded, and a failed transfer reverts the whole call.
contract PayRelayFeeProxy {
    /// @notice A payment of `amount` to `to` and of `feeAmount` to `feeAddress`, both in the token
    /// at `tokenAddress` (address(0) for ETH). Topic 1 is keccak256(paymentReference).
    event TransferWithReferenceAndFee(
        address tokenAddress,
        address to,
        uint256 amount,
        bytes indexed paymentReference,
        uint256 feeAmount,
        address feeAddress
    );

    /// @notice Sending to the zero address would burn the payment.
    error ZeroRecipient();
    /// @notice A fee was asked for but no address to pay it to.
    error FeeWithoutAddress(uint256 feeAmount);
    /// @notice The ETH sent does not cover the fee.
    error FeeExceedsValue(uint256 value, uint256 feeAmount);
    /// @notice A payee refused ETH (reverted, or ran out of gas).
    error EtherTransferFailed(address to, uint256 amount);
    /// @notice The token address holds no contract, so a call would "succeed" doing nothing.
    error NotAContract(address tokenAddress);
    /// @notice The token returned false, or return data that is not a single boolean true.
    error TokenTransferFailed(address tokenAddress, address to, uint256 amount);

    /// @notice Moves `amount` of the token from the caller to `to`, and `feeAmount` from the caller
    /// to `feeAddress`, through the token's transferFrom (the caller approves this proxy first).
    function transferFromWithReferenceAndFee(
        address tokenAddress,
        address to,
        uint256 amount,
        bytes calldata paymentReference,
        uint256 feeAmount,
        address feeAddress
    ) external {
        _checkPayees(to, feeAmount, feeAddress);
        if (tokenAddress.code.length == 0) revert NotAContract(tokenAddress);
        _tokenTransferFrom(tokenAddress, to, amount);
        if (feeAmount != 0) _tokenTransferFrom(tokenAddress, feeAddress, feeAmount);
        emit TransferWithReferenceAndFee(
            tokenAddress, to, amount, paymentReference, feeAmount, feeAddress
        );
    }

    /// @notice Sends msg.value - feeAmount to `to` and feeAmount to `feeAddress`.
    function transferWithReferenceAndFee(
        address payable to,
        bytes calldata paymentReference,
        uint256 feeAmount,
        address payable feeAddress
    ) external payable {
        _checkPayees(to, feeAmount, feeAddress);
        if (feeAmount > msg.value) revert FeeExceedsValue(msg.value, feeAmount);
        uint256 amount = msg.value - feeAmount;
        _sendEther(to, amount);
        if (feeAmount != 0) _sendEther(feeAddress, feeAmount);
        emit TransferWithReferenceAndFee(
            address(0), to, amount, paymentReference, feeAmount, feeAddress
        );
    }

    function _checkPayees(address to, uint256 feeAmount, address feeAddress) private pure {
        if (to == address(0)) revert ZeroRecipient();
        if (feeAmount != 0 && feeAddress == address(0)) revert FeeWithoutAddress(feeAmount);
    }

    /// @dev Forwards all gas, unlike transfer(), so smart-contract wallets can be paid.
    function _sendEther(address to, uint256 amount) private {
        (bool ok,) = payable(to).call{value: amount}("");
        if (!ok) revert EtherTransferFailed(to, amount);
    }

    /// @dev Accepts the two shapes of a successful transferFrom in the wild: no return data
    /// (pre-standard tokens) or one 32-byte word equal to 1. Bubbles the token's own revert reason.
    function _tokenTransferFrom(address tokenAddress, address to, uint256 amount) private {
        (bool ok, bytes memory returned) = tokenAddress.call(
            abi.encodeCall(ITransferFrom.transferFrom, (msg.sender, to, amount))
        );
        if (!ok) {
            if (returned.length != 0) {
                assembly ("memory-safe") {
                    revert(add(returned, 32), mload(returned))
                }
            }
            revert TokenTransferFailed(tokenAddress, to, amount);
        }
        if (returned.length != 0 && (returned.length != 32 || abi.decode(returned, (uint256)) != 1)) {
            revert TokenTransferFailed(tokenAddress, to, amount);
        }
    }
}
