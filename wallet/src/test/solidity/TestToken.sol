// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

/// @title TestToken
/// @notice A minimal ERC-20 for tests: name, symbol and decimals chosen at deployment (6 for a
/// USDC-like token), a public mint, and a switch to imitate the return shapes of tokens in the
/// wild. Never deploy it anywhere that matters: anyone can mint.
contract TestToken {
    /// @notice How transfer and transferFrom answer.
    enum Behaviour {
        /// Reverts on failure, returns true on success (OpenZeppelin-style).
        Standard,
        /// Returns no data at all on success (USDT-style, pre-standard).
        ReturnsNothing,
        /// Moves nothing and returns false (tokens that signal failure instead of reverting).
        ReturnsFalse
    }

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    error InsufficientBalance(address from, uint256 balance, uint256 needed);
    error InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
    error ZeroAddress();

    string public name;
    string public symbol;
    uint8 public immutable decimals;
    uint256 public totalSupply;
    Behaviour public behaviour;

    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    constructor(string memory name_, string memory symbol_, uint8 decimals_) {
        name = name_;
        symbol = symbol_;
        decimals = decimals_;
    }

    /// @notice Creates `value` new tokens for `to`. Open to anyone: this is a test token.
    function mint(address to, uint256 value) external {
        if (to == address(0)) revert ZeroAddress();
        totalSupply += value;
        balanceOf[to] += value;
        emit Transfer(address(0), to, value);
    }

    /// @notice Chooses how later transfers answer.
    function setBehaviour(Behaviour value) external {
        behaviour = value;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transfer(address to, uint256 value) external returns (bool) {
        if (behaviour == Behaviour.ReturnsFalse) return false;
        _move(msg.sender, to, value);
        _answer();
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        if (behaviour == Behaviour.ReturnsFalse) return false;
        uint256 allowed = allowance[from][msg.sender];
        if (allowed < value) revert InsufficientAllowance(msg.sender, allowed, value);
        if (allowed != type(uint256).max) allowance[from][msg.sender] = allowed - value;
        _move(from, to, value);
        _answer();
        return true;
    }

    function _move(address from, address to, uint256 value) private {
        if (to == address(0)) revert ZeroAddress();
        uint256 balance = balanceOf[from];
        if (balance < value) revert InsufficientBalance(from, balance, value);
        balanceOf[from] = balance - value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }

    /// @dev For ReturnsNothing, ends the call here with empty return data.
    function _answer() private view {
        if (behaviour == Behaviour.ReturnsNothing) {
            assembly {
                return(0, 0)
            }
        }
    }
}
